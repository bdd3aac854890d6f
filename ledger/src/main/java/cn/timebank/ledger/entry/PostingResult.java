package cn.timebank.ledger.entry;

/**
 * What {@link LedgerWriter#post} did with one posting.
 *
 * @param postingId the {@code posting_id} of its lines: the {@code chain_seq} of its first line
 */
public record PostingResult(
    String bankCode, String idempotencyKey, Outcome outcome, long postingId) {

  public enum Outcome {
    /** Its lines were appended now. */
    APPLIED,
    /** Its key was already in the ledger (or earlier in the same call): nothing was appended. */
    ALREADY_APPLIED
  }

  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }
}
