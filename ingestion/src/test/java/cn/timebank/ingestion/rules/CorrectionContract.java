package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.Outcomes.accepted;
import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.B;
import static cn.timebank.ingestion.rules.World.DAY;
import static cn.timebank.ingestion.rules.World.OCTOBER;
import static cn.timebank.ingestion.rules.World.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.TransactionType;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

abstract class CorrectionContract extends StateContract {

  private World registered() {
    World world = newWorld();
    world.participants(
        pkg(A), World.participant(A, "P1", "alice"), World.elder(A, "R1", "grandma"));
    world.participants(pkg(B), World.participant(B, "Q1", "alice"), World.elder(B, "R1", "gp"));
    return world;
  }

  private static final Consumer<World> ORIGINAL =
      world -> {
        accepted(world.service(pkg(A), World.living(A, "S1", "P1", 8, 120)));
        accepted(world.service(pkg(A), World.living(A, "S2", "P1", 13, 60)));
        accepted(
            world.transaction(
                pkg(A),
                World.txn(
                    A,
                    "T1",
                    TransactionType.GIFT,
                    "P1",
                    100,
                    DAY.atTime(20, 0),
                    "R1",
                    null,
                    null)));
      };

  private static final Consumer<World> CORRECTED =
      world -> {
        accepted(world.service(pkg(A), World.living(A, "S1", "P1", 8, 90)));
        accepted(
            world.transaction(
                pkg(A),
                World.txn(
                    A, "T1", TransactionType.GIFT, "P1", 30, DAY.atTime(20, 0), "R1", null, null)));
      };

  @Test
  void leavesTheBalancesOfTheCorrectedDataOnlyAndLetsItReuseTheRefs() {
    World corrected = registered();
    ORIGINAL.accept(corrected);
    corrected.supersede(A, OCTOBER);
    assertThat(corrected.balance(A, "P1")).isZero();
    assertThat(corrected.balance(A, Account.ISSUANCE)).isZero();
    CORRECTED.accept(corrected);

    World fresh = registered();
    CORRECTED.accept(fresh);

    assertThat(corrected.state.balances().get(A))
        .allSatisfy(
            (account, minutes) -> assertThat(minutes).isEqualTo(fresh.state.balance(A, account)));
    assertThat(corrected.balance(A, "P1")).isEqualTo(60);
    assertThat(corrected.balance(A, "R1")).isEqualTo(30);
    assertThat(corrected.state.postings())
        .filteredOn(p -> p.kind() == PostingKind.CORRECTION_REVERSAL)
        .hasSize(3);
    corrected.assertEveryBankSumsToZero();
  }

  @Test
  void givesAnotherBanksCutServiceItsCreditBackWhenTheCorrectionRemovesTheFirst() {
    World world = registered();
    accepted(world.service(pkg(A), World.living(A, "S1", "P1", 8, 300)));
    accepted(world.service(pkg(B), World.living(B, "SB", "Q1", 14, 300)), ResultCode.W201);
    assertThat(world.balance(B, "Q1")).isEqualTo(180);

    world.supersede(A, OCTOBER);

    assertThat(world.balance(A, "P1")).isZero();
    assertThat(world.balance(B, "Q1")).isEqualTo(300);
    accepted(world.service(pkg(A), World.living(A, "S1", "P1", 8, 300)));
    assertThat(world.balance(A, "P1") + world.balance(B, "Q1")).isEqualTo(480);
    assertThat(world.balance(B, "Q1")).isEqualTo(180);
    world.assertEveryBankSumsToZero();
  }

  @Test
  void supersedesRecordsThatCameThroughTheStreamToo() {
    World world = registered();
    accepted(world.service(World.event(A, "e1"), World.living(A, "S1", "P1", 8, 60)));

    world.supersede(A, OCTOBER);

    assertThat(world.balance(A, "P1")).isZero();
    assertThat(world.state.used(RecordId.service(A, "S1"))).isEmpty();
  }

  @Test
  void reinstatesTheTargetWhenTheReversalsPeriodIsCorrected() {
    World world = registered();
    accepted(world.service(pkg(A), World.living(A, "S1", "P1", 8, 60)));
    accepted(
        world.transaction(
            World.pkg(A, OCTOBER.next()),
            World.txn(
                A,
                "REV",
                TransactionType.REVERSAL,
                "P1",
                60,
                DAY.plusMonths(1).atTime(9, 0),
                null,
                null,
                "S1")));
    assertThat(world.balance(A, "P1")).isZero();

    world.supersede(A, OCTOBER.next());

    assertThat(world.balance(A, "P1")).isEqualTo(60);
    assertThat(world.state.used(RecordId.service(A, "S1")).orElseThrow().reversedBy()).isEmpty();
    world.supersede(A, OCTOBER);
    assertThat(world.balance(A, "P1")).isZero();
    world.assertEveryBankSumsToZero();
  }

  @Test
  void doesNotReverseTwiceARecordWhoseReversalLiesInAnotherPeriod() {
    World world = registered();
    accepted(world.service(pkg(A), World.living(A, "S1", "P1", 8, 60)));
    accepted(
        world.transaction(
            World.pkg(A, OCTOBER.next()),
            World.txn(
                A,
                "REV",
                TransactionType.REVERSAL,
                "P1",
                60,
                DAY.plusMonths(1).atTime(9, 0),
                null,
                null,
                "S1")));

    world.supersede(A, OCTOBER);
    assertThat(world.balance(A, "P1")).isZero();
    world.supersede(A, OCTOBER.next());
    assertThat(world.balance(A, "P1")).isZero();
    assertThat(world.balance(A, Account.ISSUANCE)).isZero();
  }
}
