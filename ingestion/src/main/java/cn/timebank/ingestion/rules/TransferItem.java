package cn.timebank.ingestion.rules;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.TransactionType;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One side of a transfer between banks (通存通兑): a {@code TRANSFER_OUT} or {@code TRANSFER_IN} of a
 * person, open until the other side arrives ({@code matchedWith} empty), or matched. A reversed
 * transfer takes no part in matching and counts as neither open nor matched.
 */
public record TransferItem(
    RecordId id,
    TransactionType type,
    PersonKey person,
    BankCode counterpartyBank,
    StandardMinutes minutes,
    LocalDateTime occurredAt,
    Optional<RecordId> matchedWith,
    boolean reversed) {

  public TransferItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(counterpartyBank, "counterpartyBank");
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(matchedWith, "matchedWith");
    if (type != TransactionType.TRANSFER_OUT && type != TransactionType.TRANSFER_IN) {
      throw new IllegalArgumentException(id + ": a transfer item is a TRANSFER_OUT or TRANSFER_IN");
    }
  }

  /** Awaiting its other side. */
  public boolean isOpen() {
    return matchedWith.isEmpty() && !reversed;
  }

  /** What the item holds in its bank's CLEARING: +minutes out, −minutes in. */
  public long clearingMinutes() {
    return type == TransactionType.TRANSFER_OUT ? minutes.value() : -minutes.value();
  }

  public TransferItem matched(Optional<RecordId> other) {
    return new TransferItem(
        id, type, person, counterpartyBank, minutes, occurredAt, other, reversed);
  }

  public TransferItem withReversed(boolean reversed) {
    return new TransferItem(
        id, type, person, counterpartyBank, minutes, occurredAt, matchedWith, reversed);
  }
}
