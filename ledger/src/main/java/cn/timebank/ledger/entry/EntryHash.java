package cn.timebank.ledger.entry;

import cn.timebank.ledger.chain.ChainHash;

/**
 * The hash of a ledger entry: SHA-256, lowercase hex, over the UTF-8 bytes of its canonical text.
 *
 * <p>The canonical text (format {@code v1}) is these fields joined by {@code |}:
 *
 * <pre>
 * v1|bank_code|chain_seq|posting_id|line_no|account_kind|participant_ref|amount_minutes|
 *   entry_kind|source_ref|source_id|idempotency_key|posted_at|prev_hash
 * </pre>
 *
 * (one line, no spaces). Numbers are plain decimal with a leading {@code -} when negative; {@code
 * participant_ref} is empty for the bank's accounts; {@code posted_at} is UTC as {@code
 * yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits); inside a field {@code \} is written
 * {@code \\} and {@code |} is written {@code \|}. The first entry of a bank has {@code prev_hash} =
 * 64 zeros ({@link #GENESIS}). The text and the hash are built by {@link ChainHash}, which the
 * audit trail shares.
 */
public final class EntryHash {

  /** The {@code prev_hash} of a bank's first entry. */
  public static final String GENESIS = ChainHash.GENESIS;

  private EntryHash() {}

  /** The hash of {@code entry}'s fields and its {@code prevHash}; its own entryHash is ignored. */
  public static String of(LedgerEntry entry) {
    return ChainHash.sha256Hex(canonicalText(entry));
  }

  /** The text that is hashed, as documented on this class. */
  public static String canonicalText(LedgerEntry e) {
    return ChainHash.text("v1")
        .field(e.bankCode())
        .field(e.chainSeq())
        .field(e.postingId())
        .field(e.lineNo())
        .field(e.accountKind())
        .field(e.participantRef() == null ? "" : e.participantRef())
        .field(e.amountMinutes())
        .field(e.entryKind())
        .field(e.sourceRef())
        .field(e.sourceId())
        .field(e.idempotencyKey())
        .field(e.postedAt())
        .field(e.prevHash())
        .toString();
  }
}
