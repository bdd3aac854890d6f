package cn.timebank.ledger.entry;

import org.jspecify.annotations.Nullable;

/**
 * One account of a bank: a participant's ({@code participantRef} set) or one of the bank's own
 * ({@code POOL}, {@code ISSUANCE}, {@code CLEARING}; {@code participantRef} null).
 */
public record Account(AccountKind kind, @Nullable String participantRef) {

  public static final Account POOL = new Account(AccountKind.POOL, null);
  public static final Account ISSUANCE = new Account(AccountKind.ISSUANCE, null);
  public static final Account CLEARING = new Account(AccountKind.CLEARING, null);

  public Account {
    if (kind == AccountKind.PARTICIPANT) {
      if (participantRef == null || participantRef.isBlank() || participantRef.length() > 64) {
        throw new IllegalArgumentException(
            "a participant account needs a participant_ref of 1 to 64 characters");
      }
    } else if (participantRef != null) {
      throw new IllegalArgumentException(kind + " is a bank account: no participant_ref");
    }
  }

  public static Account participant(String participantRef) {
    return new Account(AccountKind.PARTICIPANT, participantRef);
  }

  /** {@code P001} for a participant, {@code #POOL}, {@code #ISSUANCE}, {@code #CLEARING}. */
  public String label() {
    return participantRef != null ? participantRef : "#" + kind;
  }
}
