package cn.timebank.standards.model;

import static cn.timebank.standards.model.Fixtures.BANK;
import static cn.timebank.standards.model.Fixtures.transaction;
import static cn.timebank.standards.model.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionReaderTests {

  private final TransactionReader reader = new TransactionReader(BANK);

  @Test
  void readsAValidGift() {
    Transaction t = reader.read(transaction()).record().orElseThrow();

    assertThat(t.type()).isEqualTo(TransactionType.GIFT);
    assertThat(t.counterpartyRef()).contains("P002");
    assertThat(t.counterpartyBank()).isEmpty();
    assertThat(t.standardMinutes()).isEqualTo(StandardMinutes.of(90));
    assertThat(t.occurredAt()).isEqualTo(LocalDateTime.of(2026, 10, 5, 12, 0));
    assertThat(t.note()).contains("给母亲");
  }

  @ParameterizedTest
  @ValueSource(strings = {"txn_ref", "type", "participant_ref", "standard_minutes", "occurred_at"})
  void rejectsAMissingRequiredFieldWithR101(String field) {
    ReadResult<Transaction> result = reader.read(with(transaction(), field, ""));

    assertThat(result.rejectionCode()).contains(ResultCode.R101);
    assertThat(result.rejection().orElseThrow().field()).isEqualTo(field);
  }

  @ParameterizedTest
  @CsvSource({
    "GIFT, counterparty_ref",
    "TRANSFER_OUT, counterparty_bank",
    "TRANSFER_IN, counterparty_bank",
    "REVERSAL, reverses_ref",
  })
  void rejectsATypeWithoutTheFieldItNeedsWithR101(String type, String field) {
    ReadResult<Transaction> result =
        reader.read(with(transaction(), "type", type, "counterparty_ref", ""));

    assertThat(result.problems())
        .singleElement()
        .isEqualTo(new FieldProblem(field, ResultCode.R101, "is required but empty"));
  }

  @Test
  void readsEachTypeWithTheFieldItNeeds() {
    assertThat(
            reader
                .read(
                    with(
                        transaction(),
                        "type",
                        "TRANSFER_OUT",
                        "counterparty_ref",
                        "",
                        "counterparty_bank",
                        "430102-001"))
                .record()
                .orElseThrow()
                .counterpartyBank())
        .contains(BankCode.of("430102-001"));
    assertThat(
            reader
                .read(with(transaction(), "type", "REVERSAL", "reverses_ref", "S001"))
                .record()
                .orElseThrow()
                .reversesRef())
        .contains("S001");
    assertThat(
            reader
                .read(with(transaction(), "type", "DONATION", "counterparty_ref", ""))
                .isAccepted())
        .isTrue();
    assertThat(
            reader
                .read(with(transaction(), "type", "OPENING_BALANCE", "counterparty_ref", ""))
                .isAccepted())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "type, LOAN",
    "type, gift",
    "counterparty_bank, 310109001",
    "standard_minutes, 0",
    "standard_minutes, -30",
    "standard_minutes, 90.5",
    "standard_minutes, ninety",
    "standard_minutes, 1e400",
    "occurred_at, 2026-10-05T12:00:00+8",
    "occurred_at, 05/10/2026 12:00",
  })
  void rejectsAMalformedFieldWithR102(String field, String value) {
    ReadResult<Transaction> result = reader.read(with(transaction(), field, value));

    assertThat(result.rejectionCode()).contains(ResultCode.R102);
    assertThat(result.rejection().orElseThrow().field()).isEqualTo(field);
    assertThat(result.rejection().orElseThrow().detail()).contains(value);
  }

  @Test
  void doesNotAskForTypeSpecificFieldsWhenTheTypeIsUnreadable() {
    ReadResult<Transaction> result =
        reader.read(with(transaction(), "type", "LOAN", "counterparty_ref", ""));

    assertThat(result.problems())
        .singleElement()
        .extracting(FieldProblem::code)
        .isEqualTo(ResultCode.R102);
  }

  @Test
  void readsJsonNumberTextLikeCsvText() {
    Transaction csv = reader.read(transaction()).record().orElseThrow();

    for (String json : new String[] {"90.0", "9E+1", "9.0e1"}) {
      assertThat(reader.read(with(transaction(), "standard_minutes", json)).record()).contains(csv);
    }
  }

  @Test
  void convertsAnOffsetTimestampToShanghaiLocalTime() {
    assertThat(
            reader
                .read(with(transaction(), "occurred_at", "2026-10-05T04:00:00Z"))
                .record()
                .orElseThrow()
                .occurredAt())
        .isEqualTo(LocalDateTime.of(2026, 10, 5, 12, 0));
  }

  @Test
  void rejectsWithTheLowestCodeButKeepsEveryProblem() {
    ReadResult<Transaction> result =
        reader.read(
            with(transaction(), "standard_minutes", "-1", "txn_ref", "", "occurred_at", "soon"));

    assertThat(result.rejectionCode()).contains(ResultCode.R101);
    assertThat(result.problems())
        .extracting(FieldProblem::code)
        .containsExactly(ResultCode.R101, ResultCode.R102, ResultCode.R102);
  }
}
