package cn.timebank.ingestion.rules;

import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.util.List;
import java.util.Objects;

/**
 * One double-entry posting of one bank, as the engine hands it to the ledger: two or more non-zero
 * lines summing to zero.
 *
 * @param idempotencyKey unique for ever: {@code <bank>/<S|T>/<ref>/<n>}, the n-th posting made for
 *     that record; recomputing the same effects on the same state gives the same keys
 * @param sourceKind and {@code sourceRef}: the record the posting belongs to (a service, or a
 *     transaction); a {@code REVERSAL} posting belongs to the {@code REVERSAL} record, a {@code
 *     CAP_ADJUSTMENT} or {@code CORRECTION_REVERSAL} to the service or transaction it changes
 * @param sourceId where the record arrived: a package id or a stream event id
 * @param position where the posting counts in the time order of balances (§3.8)
 */
public record Posting(
    BankCode bankCode,
    String idempotencyKey,
    PostingKind kind,
    RecordKind sourceKind,
    String sourceRef,
    String sourceId,
    RecordPosition position,
    List<Line> lines) {

  public Posting {
    Objects.requireNonNull(bankCode, "bankCode");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceKind, "sourceKind");
    Objects.requireNonNull(sourceRef, "sourceRef");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(position, "position");
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException(idempotencyKey + ": a posting has at least two lines");
    }
    StandardMinutes sum =
        lines.stream().map(Line::amount).reduce(StandardMinutes.ZERO, StandardMinutes::plus);
    if (!sum.isZero()) {
      throw new IllegalArgumentException(
          idempotencyKey + " does not balance: its lines sum to " + sum);
    }
  }

  /** The record this posting belongs to. */
  public RecordId source() {
    return new RecordId(bankCode, sourceKind, sourceRef);
  }

  /** The sum of this posting's lines on the account, in minutes (0 when it has none there). */
  public long amountOn(Account account) {
    long sum = 0;
    for (Line line : lines) {
      if (line.account().equals(account)) {
        sum += line.amount().value();
      }
    }
    return sum;
  }
}
