package cn.timebank.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.verify.ManifestIdentity;
import cn.timebank.ingestion.verify.Rejected;
import cn.timebank.standards.codes.ResultCode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StreamReplayRefusalTests {

  @Test
  void namesTheCodeOnceSinceTheMessageStartsWithIt() {
    String message =
        "P003 "
            + ResultCode.P003.bilingual()
            + ": manifest.json: bank_code: bank 310109-001 is not in the registry";
    Rejected rejected =
        new Rejected(
            ResultCode.P003,
            Optional.of("manifest.json"),
            OptionalLong.empty(),
            Optional.of("bank_code"),
            message,
            Optional.empty(),
            ManifestIdentity.NONE);

    String line = StreamReplayCommand.refusal(Path.of("out/310109-001_2026-08_1.zip"), rejected);

    assertThat(line)
        .isEqualTo("timebank stream-replay: out/310109-001_2026-08_1.zip refused: " + message)
        .doesNotContain("P003 P003");
  }
}
