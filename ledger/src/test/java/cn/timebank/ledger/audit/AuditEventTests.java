package cn.timebank.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTests {

  private static AuditEvent withDetail(String detail) {
    return new AuditEvent(
        "admin", AuditAction.values()[0], "target", null, "cli:admin@host", Instant.now(), detail);
  }

  @Test
  void keepsADetailWithinItsWidthAndWithin4000BytesOfUtf8() {
    assertThat(withDetail("a".repeat(3000)).detail()).hasSize(AuditEvent.DETAIL_WIDTH);
    String chinese = withDetail("银".repeat(2000)).detail();
    assertThat(chinese.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(4000);
    assertThat(chinese).hasSize(1333).isEqualTo("银".repeat(1333));
  }

  @Test
  void turnsControlCharactersIntoBlanksAndStrips() {
    assertThat(withDetail("  one\ntwo\tthree  ").detail()).isEqualTo("one two three");
  }
}
