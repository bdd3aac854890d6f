package cn.timebank.standards.model;

/** How a service was confirmed (spec §2 {@code verification}). */
public enum Verification {
  SIGN_IN_OUT,
  TWO_PARTY,
  SUPERVISOR,
  PAPER
}
