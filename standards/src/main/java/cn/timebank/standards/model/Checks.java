package cn.timebank.standards.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Constructor checks of the canonical records; each message names the spec field. */
final class Checks {

  /** Refs and local codes: 1 to 64 characters, no surrounding or control whitespace. */
  static final int MAX_REF_LENGTH = 64;

  private static final Pattern REGION = Pattern.compile("\\d{6}");

  private Checks() {}

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static <T> Optional<T> optional(Optional<T> value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must be Optional.empty(), not null");
    }
    return value;
  }

  static String ref(String value, String field) {
    present(value, field);
    if (!isRef(value)) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + MAX_REF_LENGTH + " characters without surrounding blanks");
    }
    return value;
  }

  static Optional<String> optionalRef(Optional<String> value, String field) {
    optional(value, field).ifPresent(v -> ref(v, field));
    return value;
  }

  static boolean isRef(String value) {
    return !value.isEmpty()
        && value.length() <= MAX_REF_LENGTH
        && value.equals(value.strip())
        && value.chars().noneMatch(Character::isISOControl);
  }

  static String region(String value, String field) {
    present(value, field);
    if (!isRegion(value)) {
      throw new IllegalArgumentException(field + " must be 6 digits (was '" + value + "')");
    }
    return value;
  }

  static boolean isRegion(String value) {
    return REGION.matcher(value).matches();
  }
}
