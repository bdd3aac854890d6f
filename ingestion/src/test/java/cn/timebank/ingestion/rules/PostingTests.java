package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.DAY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostingTests {

  private static final RecordPosition AT =
      new RecordPosition(DAY.atTime(9, 0), RecordKind.SERVICE, "S1");

  @Test
  void refusesLinesThatDoNotSumToZero() {
    assertThatThrownBy(
            () ->
                new Posting(
                    A,
                    "k",
                    PostingKind.SERVICE,
                    RecordKind.SERVICE,
                    "S1",
                    "pkg",
                    AT,
                    List.of(
                        Line.of(Account.ISSUANCE, -90), Line.of(Account.participant("P1"), 89))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not balance");
  }

  @Test
  void refusesAZeroLineAndAPostingOfOneLine() {
    assertThatThrownBy(() -> Line.of(Account.POOL, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Posting(
                    A,
                    "k",
                    PostingKind.SERVICE,
                    RecordKind.SERVICE,
                    "S1",
                    "pkg",
                    AT,
                    List.of(Line.of(Account.POOL, 5))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAParticipantAccountWithoutRefAndABankAccountWithOne() {
    assertThatThrownBy(() -> Account.participant(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Account(AccountKind.POOL, java.util.Optional.of("P1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
