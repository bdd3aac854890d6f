package cn.timebank.standards.model;

import static cn.timebank.standards.model.Fixtures.BANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionTests {

  private static Transaction transaction(
      TransactionType type,
      Optional<String> counterparty,
      Optional<BankCode> bank,
      Optional<String> reverses,
      long minutes) {
    return new Transaction(
        BANK,
        "T001",
        type,
        "P001",
        counterparty,
        bank,
        StandardMinutes.of(minutes),
        LocalDateTime.of(2026, 10, 5, 12, 0),
        reverses,
        Optional.empty());
  }

  @Test
  void keepsATransactionWithWhatItsTypeNeeds() {
    assertThat(
            transaction(
                    TransactionType.TRANSFER_IN,
                    Optional.empty(),
                    Optional.of(BankCode.of("430102-001")),
                    Optional.empty(),
                    60)
                .standardMinutes())
        .isEqualTo(StandardMinutes.of(60));
  }

  @Test
  void requiresTheFieldItsTypeNeeds() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                transaction(
                    TransactionType.GIFT, Optional.empty(), Optional.empty(), Optional.empty(), 60))
        .withMessage("counterparty_ref is required for GIFT");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                transaction(
                    TransactionType.TRANSFER_OUT,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    60))
        .withMessage("counterparty_bank is required for TRANSFER_OUT");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                transaction(
                    TransactionType.REVERSAL,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    60))
        .withMessage("reverses_ref is required for REVERSAL");
  }

  @Test
  void refusesMinutesThatAreNotPositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                transaction(
                    TransactionType.DONATION,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    0))
        .withMessageContaining("standard_minutes");
  }
}
