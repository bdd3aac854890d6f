package cn.timebank.ledger.audit;

import cn.timebank.ledger.chain.ChainHash;

/**
 * An audit event as stored: its position in the trail's one chain ({@code seq} 1, 2, …), the hash
 * of the event before it and its own.
 *
 * <p>{@code event_hash} = {@link ChainHash} over the text
 *
 * <pre>
 * a1|seq|at|actor|origin|action|target|bank_code|detail|prev_hash
 * </pre>
 *
 * ({@code bank_code} empty when the event concerns no bank), built and escaped exactly as the
 * ledger's entry hash is.
 */
public record StoredAuditEvent(long seq, AuditEvent event, String prevHash, String eventHash) {

  /** The hash this event's fields and {@code prevHash} give; its stored hash is not looked at. */
  public String recomputedHash() {
    return hash(seq, event, prevHash);
  }

  static String hash(long seq, AuditEvent e, String prevHash) {
    return canonicalText(seq, e, prevHash).sha256Hex();
  }

  static ChainHash.Text canonicalText(long seq, AuditEvent e, String prevHash) {
    return ChainHash.text("a1")
        .field(seq)
        .field(e.at())
        .field(e.actor())
        .field(e.origin())
        .field(e.action().name())
        .field(e.target())
        .field(e.bankCode() == null ? "" : e.bankCode())
        .field(e.detail())
        .field(prevHash);
  }
}
