package cn.timebank.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PgCopyEntrySinkTests {

  @Test
  void writesOneTabSeparatedRowWithEscapesAndNulls() {
    LedgerEntry entry =
        new LedgerEntry(
            "310109-001",
            3,
            3,
            1,
            "POOL",
            null,
            -45,
            "SERVICE",
            "S\t1",
            "a\\b",
            "k\n1",
            Instant.parse("2026-11-05T01:12:44.5Z"),
            "a".repeat(64),
            "b".repeat(64));

    assertThat(PgCopyEntrySink.row(entry))
        .isEqualTo(
            "310109-001\t3\t3\t1\tPOOL\t\\N\t-45\tSERVICE\tS\\t1\ta\\\\b\tk\\n1"
                + "\t2026-11-05 01:12:44.500000\t"
                + "a".repeat(64)
                + "\t"
                + "b".repeat(64)
                + "\n");
  }
}
