package cn.timebank.app.access;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated caller and its scope: a bank operator's bank codes, a reviewer's region-code
 * prefix. Checked when created, whichever door it came through (local user, token, JWT), so that a
 * bank operator without banks or a reviewer without a region cannot exist.
 *
 * @param name the user (or the JWT subject)
 * @param role its role
 * @param banks the bank codes of a {@link Role#BANK_OPERATOR}; empty for the other roles
 * @param regionPrefix the region-code prefix (1-6 digits) of a {@link Role#CIVIL_AFFAIRS_REVIEWER};
 *     null for the other roles
 * @param credential what it authenticated with, e.g. {@code token:ab12cd34ef56}: the key of the
 *     rate limit
 */
public record Accessor(
    String name, Role role, Set<String> banks, @Nullable String regionPrefix, String credential) {

  private static final Pattern BANK_CODE = Pattern.compile("\\d{6}-\\d{3}");
  private static final Pattern REGION_PREFIX = Pattern.compile("\\d{1,6}");

  public Accessor {
    banks = Set.copyOf(new TreeSet<>(banks));
    if (name.isBlank()) {
      throw new IllegalArgumentException("a user needs a name");
    }
    for (String bank : banks) {
      if (!BANK_CODE.matcher(bank).matches()) {
        throw new IllegalArgumentException(
            "bank code '" + bank + "' is not of the form 310109-001 (spec §1)");
      }
    }
    if (regionPrefix != null && !REGION_PREFIX.matcher(regionPrefix).matches()) {
      throw new IllegalArgumentException(
          "region prefix '" + regionPrefix + "' must be 1 to 6 digits, e.g. 3101");
    }
    switch (role) {
      case BANK_OPERATOR -> {
        if (banks.isEmpty() || regionPrefix != null) {
          throw new IllegalArgumentException(
              "a BANK_OPERATOR needs at least one --bank and no --region");
        }
      }
      case CIVIL_AFFAIRS_REVIEWER -> {
        if (regionPrefix == null || !banks.isEmpty()) {
          throw new IllegalArgumentException(
              "a CIVIL_AFFAIRS_REVIEWER needs a --region prefix and no --bank");
        }
      }
      case POLICYMAKER, ADMIN -> {
        if (!banks.isEmpty() || regionPrefix != null) {
          throw new IllegalArgumentException("a " + role + " takes neither --bank nor --region");
        }
      }
    }
  }
}
