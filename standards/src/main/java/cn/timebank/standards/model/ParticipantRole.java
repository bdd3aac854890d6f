package cn.timebank.standards.model;

/** What a participant does in the bank (spec §2 {@code roles}). */
public enum ParticipantRole {
  PROVIDER,
  RECIPIENT,
  BOTH;

  /** May provide services (and be credited for them). */
  public boolean canProvide() {
    return this != RECIPIENT;
  }

  /** May receive services. */
  public boolean canReceive() {
    return this != PROVIDER;
  }
}
