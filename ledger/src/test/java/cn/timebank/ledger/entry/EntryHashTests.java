package cn.timebank.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryHashTests {

  private static LedgerEntry entry(String participantRef, String sourceRef) {
    return new LedgerEntry(
        "310109-001",
        7,
        6,
        2,
        "PARTICIPANT",
        participantRef,
        -90,
        "REVERSAL",
        sourceRef,
        "pkg-1",
        "key-1",
        Instant.parse("2026-11-05T01:12:44Z"),
        EntryHash.GENESIS,
        "");
  }

  @Test
  void hashesTheDocumentedCanonicalText() {
    assertThat(EntryHash.canonicalText(entry("P001", "T010")))
        .isEqualTo(
            "v1|310109-001|7|6|2|PARTICIPANT|P001|-90|REVERSAL|T010|pkg-1|key-1"
                + "|2026-11-05T01:12:44.000000Z|"
                + "0".repeat(64));
  }

  @Test
  void escapesTheSeparatorSoFieldsCannotBeShifted() {
    LedgerEntry shifted = entry("P|0", "T");
    LedgerEntry plain = entry("P", "0|T");

    assertThat(EntryHash.canonicalText(shifted)).contains("|P\\|0|");
    assertThat(EntryHash.of(shifted)).isNotEqualTo(EntryHash.of(plain));
    assertThat(EntryHash.canonicalText(entry("a\\", "b"))).contains("|a\\\\|-90|");
  }

  @Test
  void writesABankAccountWithAnEmptyParticipantRef() {
    LedgerEntry pool =
        new LedgerEntry(
            "310109-001",
            1,
            1,
            1,
            "POOL",
            null,
            45,
            "SERVICE",
            "S1",
            "p",
            "k",
            Instant.EPOCH,
            EntryHash.GENESIS,
            "");

    assertThat(EntryHash.canonicalText(pool)).startsWith("v1|310109-001|1|1|1|POOL||45|");
  }

  @Test
  void sealingSetsTheHashOfTheFieldsAndIgnoresAnyEarlierHash() {
    LedgerEntry sealed = entry("P001", "T010").sealed();

    assertThat(sealed.entryHash()).hasSize(64).isEqualTo(EntryHash.of(entry("P001", "T010")));
    assertThat(sealed.sealed()).isEqualTo(sealed);
  }
}
