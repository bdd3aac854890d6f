package cn.timebank.standards.model;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A transaction record as the regulator keeps it (spec §2 TRANSACTIONS). The field its type needs
 * must be present: {@code counterpartyRef} for GIFT, {@code counterpartyBank} for TRANSFER_OUT and
 * TRANSFER_IN, {@code reversesRef} for REVERSAL. A field a type does not need is kept if given
 * (decision: not an error). Whether the referenced records exist is for ingestion (R106, R114).
 *
 * @param standardMinutes whole standard minutes, > 0
 * @param occurredAt Asia/Shanghai local time
 */
public record Transaction(
    BankCode bankCode,
    String txnRef,
    TransactionType type,
    String participantRef,
    Optional<String> counterpartyRef,
    Optional<BankCode> counterpartyBank,
    StandardMinutes standardMinutes,
    LocalDateTime occurredAt,
    Optional<String> reversesRef,
    Optional<String> note) {

  public Transaction {
    Checks.present(bankCode, "bank_code");
    Checks.ref(txnRef, "txn_ref");
    Checks.present(type, "type");
    Checks.ref(participantRef, "participant_ref");
    Checks.optionalRef(counterpartyRef, "counterparty_ref");
    Checks.optional(counterpartyBank, "counterparty_bank");
    Checks.present(standardMinutes, "standard_minutes");
    if (!standardMinutes.isPositive()) {
      throw new IllegalArgumentException(
          "standard_minutes must be > 0 (was " + standardMinutes.value() + ")");
    }
    Checks.present(occurredAt, "occurred_at");
    Checks.optionalRef(reversesRef, "reverses_ref");
    Checks.optional(note, "note");
    if (type.needsCounterpartyRef() && counterpartyRef.isEmpty()) {
      throw new IllegalArgumentException("counterparty_ref is required for " + type);
    }
    if (type.needsCounterpartyBank() && counterpartyBank.isEmpty()) {
      throw new IllegalArgumentException("counterparty_bank is required for " + type);
    }
    if (type.needsReversesRef() && reversesRef.isEmpty()) {
      throw new IllegalArgumentException("reverses_ref is required for " + type);
    }
  }
}
