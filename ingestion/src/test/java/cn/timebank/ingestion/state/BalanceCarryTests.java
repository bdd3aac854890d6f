package cn.timebank.ingestion.state;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalanceCarryTests {

  private static final BankCode BANK = BankCode.of("310109-001");
  private static final BankCode OTHER = BankCode.of("110105-001");

  private final BalanceCarry carry = new BalanceCarry();

  @Test
  void givesItsBalancesOnlyAtTheVersionTheyHoldAt() {
    carry.committed(BANK, 10, Map.of("P1", StandardMinutes.of(90)), Set.of());

    assertThat(carry.at(BANK, 10, Set.of("P1", "P2")))
        .containsOnly(Map.entry("P1", StandardMinutes.of(90)));
    assertThat(carry.at(BANK, 11, Set.of("P1")))
        .as("someone appended to the bank's chain since")
        .isEmpty();
    assertThat(carry.balance("P1")).as("and the carry started afresh").isEmpty();
  }

  @Test
  void keepsOneBankAndDropsStaleRefs() {
    carry.committed(
        BANK, 10, Map.of("P1", StandardMinutes.of(90), "P2", StandardMinutes.of(30)), Set.of());
    carry.committed(BANK, 14, Map.of("P3", StandardMinutes.of(5)), Set.of("P2"));

    assertThat(carry.at(BANK, 14, Set.of("P1", "P2", "P3"))).containsOnlyKeys("P1", "P3");
    assertThat(carry.at(OTHER, 14, Set.of("P1"))).isEmpty();
  }

  @Test
  void aClearedCarryGivesNothing() {
    carry.committed(BANK, 10, Map.of("P1", StandardMinutes.of(90)), Set.of());
    carry.clear();

    assertThat(carry.at(BANK, 10, Set.of("P1"))).isEmpty();
  }
}
