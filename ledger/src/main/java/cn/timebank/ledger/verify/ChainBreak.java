package cn.timebank.ledger.verify;

import java.util.OptionalLong;

/**
 * The first place where a bank's stored chain differs from its recomputation.
 *
 * @param chainSeq the position of the entry that does not match
 * @param entryId its {@code ledger_entries.id}; empty for a {@link Kind#HEAD} break past the end
 * @param expected what the chain says it should be (a hash, or a position for SEQUENCE / HEAD)
 * @param stored what is stored
 */
public record ChainBreak(
    String bankCode,
    long chainSeq,
    OptionalLong entryId,
    Kind kind,
    String expected,
    String stored) {

  public enum Kind {
    /** The entry's fields no longer hash to its {@code entry_hash}: the entry was altered. */
    HASH,
    /** The entry's {@code prev_hash} is not the stored hash of the entry before it. */
    LINK,
    /** A {@code chain_seq} is missing or out of order: an entry was removed or inserted. */
    SEQUENCE,
    /** The chain does not end where {@code chain_heads} says: entries at the end are missing. */
    HEAD
  }

  @Override
  public String toString() {
    return "%s chain_seq %d%s: %s broken, expected %s, stored %s"
        .formatted(
            bankCode,
            chainSeq,
            entryId.isPresent() ? " (id " + entryId.getAsLong() + ")" : "",
            kind,
            expected,
            stored);
  }
}
