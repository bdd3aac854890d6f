package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.Outcomes.accepted;
import static cn.timebank.ingestion.rules.Outcomes.rejected;
import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.B;
import static cn.timebank.ingestion.rules.World.OCTOBER;
import static cn.timebank.ingestion.rules.World.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.ParticipantStatus;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class TransactionRulesContract extends StateContract {

  private static final LocalDateTime OCT_5 = LocalDateTime.of(2026, 10, 15, 12, 0);
  private static final LocalDateTime OCT_6 = LocalDateTime.of(2026, 10, 16, 9, 0);

  private final World world = newWorld();

  @BeforeEach
  void registerAFamily() {
    world.participants(
        pkg(A), World.participant(A, "P1", "alice"), World.elder(A, "R1", "grandma"));
  }

  private Outcome txn(Transaction t) {
    return world.transaction(pkg(A), t);
  }

  private static Transaction gift(String ref, long minutes, LocalDateTime at) {
    return World.txn(A, ref, TransactionType.GIFT, "P1", minutes, at, "R1", null, null);
  }

  private void credit60At(LocalDateTime start, String ref) {
    accepted(
        world.service(
            pkg(A), World.service(A, ref, "P1", "R1", "SHZL", start, start.plusMinutes(60))));
  }

  @Test
  void movesAGiftFromGiverToReceiver() {
    credit60At(OCT_5.minusHours(3), "S1");

    accepted(txn(gift("T1", 60, OCT_5)));

    assertThat(world.balance(A, "P1")).isZero();
    assertThat(world.balance(A, "R1")).isEqualTo(60);
    world.assertEveryBankSumsToZero();
  }

  @Test
  void coversAGiftOnlyByWhatWasCreditedBeforeItInTimeOrder() {
    credit60At(OCT_6, "S-LATER");

    rejected(txn(gift("T1", 60, OCT_5)), ResultCode.R115);
    credit60At(OCT_5.minusHours(3), "S-EARLIER");
    accepted(txn(gift("T1", 60, OCT_5)));
  }

  @Test
  void refusesADebitThatALaterSpendingAlreadyReliesOn() {
    credit60At(OCT_5.minusHours(3), "S1");
    accepted(txn(World.txn(A, "T2", TransactionType.DONATION, "P1", 60, OCT_6)));

    rejected(txn(gift("T1", 60, OCT_5)), ResultCode.R115);
  }

  @Test
  void rejectsDonationsAndTransfersOutTheBalanceDoesNotCoverWithR115() {
    rejected(txn(World.txn(A, "T1", TransactionType.DONATION, "P1", 1, OCT_5)), ResultCode.R115);
    rejected(
        txn(World.txn(A, "T2", TransactionType.TRANSFER_OUT, "P1", 1, OCT_5, null, B, null)),
        ResultCode.R115);
  }

  @Test
  void creditsADonationToThePool() {
    credit60At(OCT_5.minusHours(3), "S1");
    accepted(txn(World.txn(A, "T1", TransactionType.DONATION, "P1", 45, OCT_5)));

    assertThat(world.balance(A, Account.POOL)).isEqualTo(45);
    assertThat(world.balance(A, "P1")).isEqualTo(15);
  }

  @Test
  void rejectsUnknownParticipantsAGiftToOneselfAndInactiveOnesWithR106R107R112() {
    rejected(txn(World.txn(A, "T1", TransactionType.DONATION, "PX", 1, OCT_5)), ResultCode.R106);
    rejected(
        txn(World.txn(A, "T2", TransactionType.GIFT, "P1", 1, OCT_5, "RX", null, null)),
        ResultCode.R106);
    assertThat(
            rejected(
                    txn(World.txn(A, "T3", TransactionType.GIFT, "P1", 1, OCT_5, "P1", null, null)),
                    ResultCode.R107)
                .field())
        .as("a column of transactions.csv")
        .isEqualTo("counterparty_ref");
    world.participants(
        pkg(A),
        World.participant(
            A,
            "DEAD",
            "dead",
            LocalDate.of(1940, 1, 1),
            ParticipantStatus.DECEASED,
            OCT_5.toLocalDate()));
    rejected(
        txn(World.txn(A, "T4", TransactionType.OPENING_BALANCE, "DEAD", 60, OCT_5)),
        ResultCode.R112);
  }

  @Test
  void rejectsATransactionOutsideThePeriodWithR110() {
    rejected(
        txn(World.txn(A, "T1", TransactionType.OPENING_BALANCE, "P1", 60, OCT_5.plusMonths(1))),
        ResultCode.R110);
  }

  @Test
  void reversesTheExactEntriesOfTheRecordItNames() {
    credit60At(OCT_5.minusHours(3), "S1");
    accepted(txn(gift("T1", 30, OCT_5)));

    Outcome.Accepted reversal =
        accepted(
            txn(World.txn(A, "T2", TransactionType.REVERSAL, "P1", 30, OCT_6, null, null, "T1")));

    assertThat(reversal.effects().postings())
        .singleElement()
        .satisfies(
            posting -> {
              assertThat(posting.kind()).isEqualTo(PostingKind.REVERSAL);
              assertThat(posting.lines())
                  .containsExactlyInAnyOrder(
                      Line.of(Account.participant("P1"), 30),
                      Line.of(Account.participant("R1"), -30));
            });
    assertThat(world.balance(A, "P1")).isEqualTo(60);
    assertThat(world.balance(A, "R1")).isZero();
  }

  @Test
  void reversingAServiceFreesItsPlaceUnderTheDailyCap() {
    LocalDateTime morning = OCT_5.withHour(8);
    accepted(
        world.service(
            pkg(A), World.service(A, "S1", "P1", "R1", "SHZL", morning, morning.plusHours(5))));
    accepted(
        world.service(
            pkg(A),
            World.service(
                A, "S2", "P1", "R1", "SHZL", morning.plusHours(6), morning.plusHours(11))),
        ResultCode.W201);

    accepted(txn(World.txn(A, "T9", TransactionType.REVERSAL, "P1", 300, OCT_6, null, null, "S1")));

    assertThat(world.balance(A, "P1")).isEqualTo(300);
    assertThat(world.balance(A, Account.ISSUANCE)).isEqualTo(-300);
    world.assertEveryBankSumsToZero();
  }

  @Test
  void rejectsAReversalOfNothingKnownOrOfARecordAlreadyReversedWithR114() {
    rejected(
        txn(World.txn(A, "T1", TransactionType.REVERSAL, "P1", 1, OCT_5, null, null, "NOPE")),
        ResultCode.R114);
    credit60At(OCT_5.minusHours(3), "S1");
    accepted(txn(World.txn(A, "T2", TransactionType.REVERSAL, "P1", 60, OCT_5, null, null, "S1")));
    rejected(
        txn(World.txn(A, "T3", TransactionType.REVERSAL, "P1", 60, OCT_6, null, null, "S1")),
        ResultCode.R114);
    rejected(
        txn(World.txn(A, "T4", TransactionType.REVERSAL, "P1", 60, OCT_6, null, null, "T2")),
        ResultCode.R114);
  }

  @Test
  void acceptsAnOpeningBalanceOnlyInTheFirstPackageAndItsCorrectionsR119() {
    Transaction opening = World.txn(A, "T1", TransactionType.OPENING_BALANCE, "P1", 600, OCT_5);
    accepted(txn(opening));
    assertThat(world.balance(A, "P1")).isEqualTo(600);
    assertThat(world.balance(A, Account.ISSUANCE)).isEqualTo(-600);

    world.supersede(A, OCTOBER);
    accepted(world.transaction(World.pkg(A, OCTOBER), opening));
    rejected(
        world.transaction(
            World.pkg(A, OCTOBER.next()),
            World.txn(A, "T2", TransactionType.OPENING_BALANCE, "P1", 60, OCT_5.plusMonths(1))),
        ResultCode.R119);
    // an event is judged by its own month: the first package's period, or not
    accepted(
        world.transaction(
            World.event(A, "e1"),
            World.txn(A, "T3", TransactionType.OPENING_BALANCE, "P1", 60, OCT_5)));
    rejected(
        world.transaction(
            World.event(A, "e2"),
            World.txn(A, "T4", TransactionType.OPENING_BALANCE, "P1", 60, OCT_5.plusMonths(1))),
        ResultCode.R119);
  }

  @Test
  void anOpeningBalanceEventOfABankWithoutAPackageFixesItsFirstPeriodR119() {
    // bank B has no package: its first package arrives as events (stream-replay)
    world.participants(
        World.event(B, "p1"), World.participant(B, "P1", "bob"), World.elder(B, "R1", "grandpa"));
    accepted(
        world.transaction(
            World.event(B, "e1"),
            World.txn(B, "T1", TransactionType.OPENING_BALANCE, "P1", 600, OCT_5)));
    assertThat(world.balance(B, "P1")).isEqualTo(600);
    accepted(
        world.transaction(
            World.event(B, "e2"),
            World.txn(B, "T2", TransactionType.OPENING_BALANCE, "R1", 60, OCT_5.plusDays(3))));

    // its month is now the bank's first period, for events and packages alike
    rejected(
        world.transaction(
            World.event(B, "e3"),
            World.txn(B, "T3", TransactionType.OPENING_BALANCE, "P1", 60, OCT_5.plusMonths(1))),
        ResultCode.R119);
    assertThat(
            rejected(
                    world.transaction(
                        World.pkg(B, OCTOBER.next()),
                        World.txn(
                            B,
                            "T4",
                            TransactionType.OPENING_BALANCE,
                            "P1",
                            60,
                            OCT_5.plusMonths(1))),
                    ResultCode.R119)
                .detail())
        .as("the package is told which event fixed the first period")
        .endsWith("outside the bank's first accepted period (" + OCTOBER + ", fixed by e1)");
    accepted(
        world.transaction(
            World.pkg(B, OCTOBER),
            World.txn(B, "T5", TransactionType.OPENING_BALANCE, "R1", 60, OCT_5)));
  }

  @Test
  void otherEventsDoNotFixTheFirstPeriod() {
    world.participants(
        World.event(B, "p1"), World.participant(B, "P1", "bob"), World.elder(B, "R1", "grandpa"));
    // a live service in November first, then the bank's first package (October) as events
    accepted(
        world.service(
            World.event(B, "e0"),
            World.service(
                B,
                "S1",
                "P1",
                "R1",
                "SHZL",
                OCT_5.plusMonths(1),
                OCT_5.plusMonths(1).plusHours(1))));
    accepted(
        world.transaction(
            World.event(B, "e1"),
            World.txn(B, "T1", TransactionType.OPENING_BALANCE, "P1", 600, OCT_5)));
    rejected(
        world.transaction(
            World.event(B, "e2"),
            World.txn(B, "T2", TransactionType.OPENING_BALANCE, "R1", 60, OCT_5.plusMonths(1))),
        ResultCode.R119);
  }

  @Test
  void sendsWhatAGiftBringsBeyondTheStorageCapToThePoolWithW203() {
    accepted(txn(World.txn(A, "T0", TransactionType.OPENING_BALANCE, "R1", 1500 * 60 - 10, OCT_5)));
    accepted(txn(World.txn(A, "T1", TransactionType.OPENING_BALANCE, "P1", 60, OCT_5)));

    accepted(txn(gift("T2", 60, OCT_6)), ResultCode.W203);

    assertThat(world.balance(A, "R1")).isEqualTo(1500 * 60);
    assertThat(world.balance(A, Account.POOL)).isEqualTo(50);
  }

  @Test
  void confirmsTheSameTransactionAndRejectsOtherContentUnderItsRefWithR118() {
    Transaction opening = World.txn(A, "T1", TransactionType.OPENING_BALANCE, "P1", 600, OCT_5);
    accepted(txn(opening));

    assertThat(world.transaction(World.event(A, "e1"), opening))
        .isEqualTo(new Outcome.Confirmed("T1"));
    rejected(
        txn(World.txn(A, "T1", TransactionType.OPENING_BALANCE, "P1", 601, OCT_5)),
        ResultCode.R118);
    assertThat(world.balance(A, "P1")).isEqualTo(600);
  }
}
