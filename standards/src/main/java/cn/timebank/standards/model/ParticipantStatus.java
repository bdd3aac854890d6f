package cn.timebank.standards.model;

/** Spec §2 participant {@code status}; only {@link #ACTIVE} participants take part (R112). */
public enum ParticipantStatus {
  ACTIVE,
  SUSPENDED,
  LEFT,
  DECEASED
}
