package cn.timebank.ledger.verify;

import java.util.Optional;

/** The outcome of recomputing one bank's chain: OK, or the first entry that does not match. */
public record ChainVerification(
    String bankCode, long entriesChecked, Optional<ChainBreak> firstBreak) {

  public boolean ok() {
    return firstBreak.isEmpty();
  }
}
