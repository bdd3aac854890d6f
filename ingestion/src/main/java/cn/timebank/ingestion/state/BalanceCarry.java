package cn.timebank.ingestion.state;

import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Participant balances of one bank carried from one chunk of the apply step to the next, so that a
 * chunk reads from {@code ledger_entries} only the balances of participants no earlier chunk read.
 * They hold at one version of the bank's ledger ({@code Balances.version}: its chain's last
 * sequence number); a chunk uses them only when the version it reads before its prefetch is that
 * one, i.e. when nothing was appended to the bank's chain since. A chunk hands its balances over
 * only after its commit ({@link ChunkLedgerState#flush}), and only when the entries appended during
 * the chunk were exactly its own; anything else empties the carry. One instance serves one run of
 * the apply step.
 */
public final class BalanceCarry {

  /** At most this many balances are kept; beyond it the carry starts afresh. */
  static final int MAX = 300_000;

  private @Nullable BankCode bank;
  private long version = -1;
  private final Map<String, StandardMinutes> balances = new HashMap<>();

  /** The carried balances of these refs, when the bank's ledger is still at their version. */
  Map<String, StandardMinutes> at(BankCode bank, long version, Set<String> refs) {
    if (!bank.equals(this.bank) || version != this.version) {
      clear();
      return Map.of();
    }
    Map<String, StandardMinutes> known = new HashMap<>();
    for (String ref : refs) {
      StandardMinutes balance = balances.get(ref);
      if (balance != null) {
        known.put(ref, balance);
      }
    }
    return known;
  }

  /** After a commit: the chunk's balances, valid at {@code version}; {@code stale} refs dropped. */
  void committed(
      BankCode bank, long version, Map<String, StandardMinutes> changed, Set<String> stale) {
    if (!bank.equals(this.bank)) {
      clear();
      this.bank = bank;
    }
    stale.forEach(balances::remove);
    if (balances.size() + changed.size() > MAX) {
      balances.clear();
    }
    balances.putAll(changed);
    this.version = version;
  }

  /** Forgets everything (a rollback, or entries appended by someone else). */
  void clear() {
    balances.clear();
    version = -1;
  }

  /** The carried balance of a ref, for tests. */
  Optional<StandardMinutes> balance(String ref) {
    return Optional.ofNullable(balances.get(ref));
  }
}
