package cn.timebank.standards.model;

import static cn.timebank.standards.model.RawFields.Need.OPTIONAL;
import static cn.timebank.standards.model.RawFields.Need.REQUIRED;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a TRANSACTIONS record (spec §2) of one bank.
 *
 * <p>Required (R101 when empty): {@code txn_ref}, {@code type}, {@code participant_ref}, {@code
 * standard_minutes} (whole and > 0, R102 otherwise), {@code occurred_at}; and by type: {@code
 * counterparty_ref} for GIFT, {@code counterparty_bank} for TRANSFER_OUT and TRANSFER_IN, {@code
 * reverses_ref} for REVERSAL. The others are optional and, when given, still read (a malformed
 * {@code counterparty_bank} is R102 whatever the type). When {@code type} itself is missing or
 * malformed, no type-specific field is required.
 */
public final class TransactionReader implements RecordReader<Transaction> {

  private final BankCode bank;

  public TransactionReader(BankCode bank) {
    this.bank = Checks.present(bank, "bank_code");
  }

  @Override
  public FileType fileType() {
    return FileType.TRANSACTIONS;
  }

  @Override
  public ReadResult<Transaction> read(Map<String, String> raw) {
    RawFields f = new RawFields(raw);
    Optional<String> ref = f.ref("txn_ref", REQUIRED);
    Optional<TransactionType> type = f.enumValue("type", TransactionType.class, REQUIRED);
    Optional<String> participant = f.ref("participant_ref", REQUIRED);
    Optional<String> counterparty =
        f.ref(
            "counterparty_ref",
            type.filter(TransactionType::needsCounterpartyRef).isPresent() ? REQUIRED : OPTIONAL);
    Optional<BankCode> counterpartyBank =
        f.bankCode(
            "counterparty_bank",
            type.filter(TransactionType::needsCounterpartyBank).isPresent() ? REQUIRED : OPTIONAL);
    Optional<Long> minutes = f.whole("standard_minutes", 1, Long.MAX_VALUE, REQUIRED);
    Optional<LocalDateTime> occurredAt = f.timestamp("occurred_at", REQUIRED);
    Optional<String> reverses =
        f.ref(
            "reverses_ref",
            type.filter(TransactionType::needsReversesRef).isPresent() ? REQUIRED : OPTIONAL);
    Optional<String> note = f.text("note", OPTIONAL);
    if (f.hasProblems()) {
      return ReadResult.rejected(f.problems());
    }
    return ReadResult.accepted(
        new Transaction(
            bank,
            ref.orElseThrow(),
            type.orElseThrow(),
            participant.orElseThrow(),
            counterparty,
            counterpartyBank,
            StandardMinutes.of(minutes.orElseThrow()),
            occurredAt.orElseThrow(),
            reverses,
            note));
  }
}
