package cn.timebank.app.access;

import java.util.Locale;

/**
 * What a caller is. The role decides which endpoints it may call at all (403 otherwise, see {@code
 * WebSecurityConfiguration}); its scope ({@link Accessor}) decides which banks it sees there.
 */
public enum Role {
  /** A bank's own systems and staff: only its own bank codes. */
  BANK_OPERATOR,
  /** A civil affairs office: the banks whose region code starts with its prefix. */
  CIVIL_AFFAIRS_REVIEWER,
  /** Aggregate reports only: no participant-level data, no statements, no rejected records. */
  POLICYMAKER,
  /** The registry, the users, Actuator; sees every bank. */
  ADMIN;

  /** The Spring Security authority, {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role named {@code text} (any case), or an {@link IllegalArgumentException} naming all. */
  public static Role parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '"
              + text
              + "' (one of BANK_OPERATOR, CIVIL_AFFAIRS_REVIEWER, POLICYMAKER, ADMIN)");
    }
  }
}
