package cn.timebank.ledger.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostingTests {

  private static final Instant AT = Instant.parse("2026-11-05T01:12:44.123456789Z");

  private static Posting posting(List<Line> lines) {
    return new Posting("310109-001", "k1", EntryKind.SERVICE, "S001", "pkg", AT, lines);
  }

  @Test
  void acceptsLinesThatSumToZero() {
    Posting posting =
        posting(
            List.of(
                Line.participant("P001", 60),
                Line.bank(AccountKind.POOL, 30),
                Line.bank(AccountKind.ISSUANCE, -90)));

    assertThat(posting.lines()).hasSize(3);
    assertThat(posting.postedAt()).isEqualTo(Instant.parse("2026-11-05T01:12:44.123456Z"));
  }

  @Test
  void rejectsLinesThatDoNotBalance() {
    assertThatThrownBy(
            () ->
                posting(
                    List.of(Line.participant("P001", 90), Line.bank(AccountKind.ISSUANCE, -60))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not balance");
  }

  @Test
  void rejectsASingleLine() {
    assertThatThrownBy(() -> posting(List.of(Line.participant("P001", 90))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAZeroLine() {
    assertThatThrownBy(() -> Line.participant("P001", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aParticipantLineNeedsARefAndABankLineMustNotHaveOne() {
    assertThatThrownBy(() -> new Line(AccountKind.PARTICIPANT, null, StandardMinutes.of(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Line(AccountKind.POOL, "P001", StandardMinutes.of(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAMalformedBankCodeAndEmptyText() {
    List<Line> lines = List.of(Line.participant("P1", 5), Line.bank(AccountKind.POOL, -5));
    assertThatThrownBy(() -> new Posting("310109001", "k", EntryKind.SERVICE, "S", "p", AT, lines))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Posting("310109-001", "", EntryKind.SERVICE, "S", "p", AT, lines))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReversalIsTheOppositeOfEveryLine() {
    Posting service =
        posting(List.of(Line.participant("P001", 90), Line.bank(AccountKind.ISSUANCE, -90)));

    Posting reversal = service.reversal("k2", EntryKind.REVERSAL, "T010", "pkg2", AT);

    assertThat(reversal.lines())
        .containsExactly(Line.participant("P001", -90), Line.bank(AccountKind.ISSUANCE, 90));
    assertThat(reversal.bankCode()).isEqualTo(service.bankCode());
  }
}
