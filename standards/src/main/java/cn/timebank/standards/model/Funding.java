package cn.timebank.standards.model;

/** Who pays for a service (spec §2, SERVICES column {@code funding}). */
public enum Funding {
  /** The bank credits the provider and owes the hours (the usual case). */
  ISSUED,
  /** The recipient redeems from their own balance. */
  BALANCE,
  /** Paid from the bank's donated pool. */
  POOL
}
