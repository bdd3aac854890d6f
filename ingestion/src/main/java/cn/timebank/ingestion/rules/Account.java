package cn.timebank.ingestion.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One account of a bank: a participant's ({@code participantRef} present) or one of the bank's own
 * ({@code POOL}, {@code ISSUANCE}, {@code CLEARING}).
 */
public record Account(AccountKind kind, Optional<String> participantRef) {

  public static final Account POOL = new Account(AccountKind.POOL, Optional.empty());
  public static final Account ISSUANCE = new Account(AccountKind.ISSUANCE, Optional.empty());
  public static final Account CLEARING = new Account(AccountKind.CLEARING, Optional.empty());

  public Account {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(participantRef, "participantRef");
    if (kind == AccountKind.PARTICIPANT) {
      if (participantRef.filter(ref -> !ref.isBlank()).isEmpty()) {
        throw new IllegalArgumentException("a participant account needs a participant_ref");
      }
    } else if (participantRef.isPresent()) {
      throw new IllegalArgumentException(kind + " is a bank account: no participant_ref");
    }
  }

  public static Account participant(String participantRef) {
    return new Account(AccountKind.PARTICIPANT, Optional.of(participantRef));
  }

  /** {@code P001} for a participant, {@code #POOL}, {@code #ISSUANCE}, {@code #CLEARING}. */
  public String label() {
    return participantRef.orElse("#" + kind);
  }

  @Override
  public String toString() {
    return label();
  }
}
