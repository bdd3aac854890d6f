package cn.timebank.ledger.entry;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code ledger_entries} as it is hashed and stored ({@code id} aside: a storage
 * surrogate from a sequence, not part of the chain; the chain position is {@code bankCode} + {@code
 * chainSeq}).
 */
public record LedgerEntry(
    String bankCode,
    long chainSeq,
    long postingId,
    int lineNo,
    String accountKind,
    @Nullable String participantRef,
    long amountMinutes,
    String entryKind,
    String sourceRef,
    String sourceId,
    String idempotencyKey,
    Instant postedAt,
    String prevHash,
    String entryHash) {

  /** This entry with {@code entryHash} set to the hash of its fields and {@code prevHash}. */
  public LedgerEntry sealed() {
    return new LedgerEntry(
        bankCode,
        chainSeq,
        postingId,
        lineNo,
        accountKind,
        participantRef,
        amountMinutes,
        entryKind,
        sourceRef,
        sourceId,
        idempotencyKey,
        postedAt,
        prevHash,
        EntryHash.of(this));
  }
}
