package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.Outcomes.accepted;
import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.B;
import static cn.timebank.ingestion.rules.World.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionType;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class TransferMatchingContract extends StateContract {

  private static final LocalDateTime OCT_5 = LocalDateTime.of(2026, 10, 15, 12, 0);

  private final World world = newWorld();

  @BeforeEach
  void registerTheSamePersonInTwoBanks() {
    world.participants(pkg(A), World.participant(A, "P1", "alice"));
    world.participants(pkg(B), World.participant(B, "Q7", "alice"));
    accepted(
        world.transaction(
            pkg(A),
            World.txn(A, "T0", TransactionType.OPENING_BALANCE, "P1", 600, OCT_5.minusDays(1))));
  }

  private static Transaction out(long minutes, LocalDateTime at) {
    return World.txn(A, "OUT1", TransactionType.TRANSFER_OUT, "P1", minutes, at, null, B, null);
  }

  private static Transaction in(long minutes, LocalDateTime at) {
    return World.txn(B, "IN1", TransactionType.TRANSFER_IN, "Q7", minutes, at, null, A, null);
  }

  private long clearingSum() {
    return world.balance(A, Account.CLEARING) + world.balance(B, Account.CLEARING);
  }

  private long openItemsNet() {
    return world.state.transfers().stream()
        .filter(TransferItem::isOpen)
        .mapToLong(TransferItem::clearingMinutes)
        .sum();
  }

  @Test
  void matchesATransferInWithTheTransferOutBeforeIt() {
    accepted(world.transaction(pkg(A), out(120, OCT_5)));
    accepted(world.transaction(pkg(B), in(120, OCT_5.plusDays(2))));

    assertThat(world.state.transfers()).noneMatch(TransferItem::isOpen);
    assertThat(world.balance(A, "P1")).isEqualTo(480);
    assertThat(world.balance(B, "Q7")).isEqualTo(120);
    assertThat(clearingSum()).isZero();
  }

  @Test
  void warnsW207WhileTheTransferInWaitsAndClosesItWhenTheTransferOutArrives() {
    accepted(world.transaction(pkg(B), in(120, OCT_5)), ResultCode.W207);
    assertThat(openItemsNet()).isEqualTo(-120).isEqualTo(clearingSum());

    accepted(world.transaction(pkg(A), out(120, OCT_5.minusHours(1))));

    assertThat(world.state.transfers()).noneMatch(TransferItem::isOpen);
    assertThat(clearingSum()).isZero().isEqualTo(openItemsNet());
  }

  @Test
  void doesNotMatchOtherMinutesOrMoreThanThreeDaysApart() {
    accepted(world.transaction(pkg(A), out(120, OCT_5)));

    accepted(
        world.transaction(
            pkg(B),
            World.txn(B, "IN1", TransactionType.TRANSFER_IN, "Q7", 90, OCT_5, null, A, null)),
        ResultCode.W207);
    accepted(
        world.transaction(
            pkg(B),
            World.txn(
                B,
                "IN2",
                TransactionType.TRANSFER_IN,
                "Q7",
                120,
                OCT_5.plusDays(4),
                null,
                A,
                null)),
        ResultCode.W207);
    assertThat(clearingSum()).isEqualTo(openItemsNet()).isEqualTo(120 - 90 - 120);
  }

  @Test
  void reopensTheOtherSideWhenATransferIsReversed() {
    accepted(world.transaction(pkg(A), out(120, OCT_5)));
    accepted(world.transaction(pkg(B), in(120, OCT_5)));

    accepted(
        world.transaction(
            pkg(A),
            World.txn(
                A,
                "REV",
                TransactionType.REVERSAL,
                "P1",
                120,
                OCT_5.plusDays(1),
                null,
                null,
                "OUT1")));

    assertThat(world.state.transfers()).filteredOn(TransferItem::isOpen).hasSize(1);
    assertThat(clearingSum()).isEqualTo(openItemsNet()).isEqualTo(-120);
  }
}
