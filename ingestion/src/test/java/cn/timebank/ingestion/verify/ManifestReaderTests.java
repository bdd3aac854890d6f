package cn.timebank.ingestion.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTests {

  @TempDir Path dir;

  private Rejected rejected(TestPackage pkg) {
    VerificationResult result = Fakes.verify(Fakes.verifier(), pkg.writeZip(dir), Fakes.RECEIVED);
    assertThat(result).isInstanceOf(Rejected.class);
    Rejected r = (Rejected) result;
    assertThat(r.code()).isEqualTo(ResultCode.P001);
    assertThat(r.file()).contains("manifest.json");
    return r;
  }

  @Test
  void refusesAnUnknownFormatVersion() {
    assertThat(rejected(TestPackage.good().set("format_version", "2.0")).message())
        .contains("$.format_version: unknown format_version '2.0'");
  }

  @Test
  void refusesAnUnknownKey() {
    assertThat(rejected(TestPackage.good().set("comment", "hi")).message())
        .contains("$.comment: unknown key");
  }

  @Test
  void refusesAMissingField() {
    assertThat(rejected(TestPackage.good().set("key_id", null)).field()).contains("$.key_id");
  }

  @Test
  void refusesAnEncodingOtherThanUtf8OrGb18030() {
    assertThat(rejected(TestPackage.good().set("encoding", "GBK")).message())
        .contains("$.encoding: must be UTF-8 or GB18030 (was 'GBK')");
  }

  @Test
  void refusesASequenceBelowOneOrNotANumber() {
    assertThat(rejected(TestPackage.good().set("sequence", 0)).field()).contains("$.sequence");
    assertThat(rejected(TestPackage.good().set("sequence", "1")).field()).contains("$.sequence");
  }

  @Test
  void refusesAnUnknownFileType() {
    assertThat(
            rejected(TestPackage.good().setFileEntry("services.csv", "type", "VOLUNTEERS"))
                .message())
        .contains("$.files[0].type: must be one of [PARTICIPANTS, SERVICES, TRANSACTIONS]");
  }

  @Test
  void refusesADataFileNotEndingCsvOrJsonl() {
    assertThat(
            rejected(TestPackage.good().setFileEntry("services.csv", "name", "services.xlsx"))
                .message())
        .contains("$.files[0].name: must be a plain file name ending .csv or .jsonl");
  }

  @Test
  void refusesAMalformedGeneratedAt() {
    assertThat(rejected(TestPackage.good().set("generated_at", "2026-11-03 10:15")).field())
        .contains("$.generated_at");
  }
}
