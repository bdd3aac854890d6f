package cn.timebank.scoring.shared;

import java.util.Comparator;
import java.util.Objects;

/**
 * A participant as the ledger knows it: the bank and the bank-local {@code participant_ref}.
 * Ordered by bank code, then ref (code point order), the order every result is stored in.
 */
public record ParticipantId(String bank, String ref) implements Comparable<ParticipantId> {

  private static final Comparator<ParticipantId> ORDER =
      Comparator.comparing(ParticipantId::bank).thenComparing(ParticipantId::ref);

  public ParticipantId {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(ref, "ref");
    if (bank.isBlank() || ref.isBlank()) {
      throw new IllegalArgumentException("bank and ref must not be blank");
    }
  }

  @Override
  public int compareTo(ParticipantId other) {
    return ORDER.compare(this, other);
  }

  /** {@code 310109-001:P001}. */
  @Override
  public String toString() {
    return bank + ":" + ref;
  }
}
