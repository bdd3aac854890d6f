package cn.timebank.ledger.audit;

import cn.timebank.ledger.verify.ChainBreak;
import java.util.Optional;

/**
 * The outcome of recomputing the audit trail's chain: how many events were checked and, when it
 * does not hold, the first event that does not match.
 */
public record AuditVerification(long eventsChecked, Optional<Break> firstBreak) {

  public boolean ok() {
    return firstBreak.isEmpty();
  }

  /**
   * Where the chain breaks: the event at {@code seq}, what broke (the ledger's kinds: HASH an event
   * altered, LINK its {@code prev_hash}, SEQUENCE an event removed or inserted, HEAD events missing
   * at the end), what was expected and what is stored.
   */
  public record Break(long seq, ChainBreak.Kind kind, String expected, String stored) {

    @Override
    public String toString() {
      return "audit event seq %d: %s broken, expected %s, stored %s"
          .formatted(seq, kind, expected, stored);
    }
  }
}
