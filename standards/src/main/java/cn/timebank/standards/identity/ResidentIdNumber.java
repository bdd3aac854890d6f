package cn.timebank.standards.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-character PRC resident identity number (GB 11643-1999): 6 digits of region, 8 digits of
 * birth date (digits 7-14), 3 digits of sequence (odd for men) and an ISO 7064 MOD 11-2 check
 * character ({@code 0-9} or {@code X}).
 *
 * <p>The regulator never stores the raw number: it keeps the {@link PersonKey} and the {@link
 * #masked()} form. Nothing in this type's {@link #toString()} shows the raw number.
 */
public final class ResidentIdNumber {

  private static final Pattern NUMBER = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern FIRST_17 = Pattern.compile("\\d{17}");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private final String number;

  private ResidentIdNumber(String number) {
    this.number = number;
  }

  /**
   * Why a number is not a valid resident ID, in the order the checks run: the malformed cases
   * (R102) before the check digit (R108), so that a number with both problems gets the
   * lowest-numbered code, as spec §4 asks.
   */
  public enum Problem {
    /** Not 17 digits followed by a digit or X. */
    MALFORMED,
    /** Digits 7-14 are not a real date (treated as malformed, R102). */
    BIRTH_DATE_INVALID,
    /** The check character is not the MOD 11-2 one (R108). */
    CHECK_DIGIT
  }

  /**
   * Parses and checks a number (a lower-case {@code x} is accepted and upper-cased). Returns the
   * problem when it is not valid.
   */
  public static Optional<Problem> problemOf(String raw) {
    String text = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
    if (!NUMBER.matcher(text).matches()) {
      return Optional.of(Problem.MALFORMED);
    }
    if (parseBirth(text).isEmpty()) {
      return Optional.of(Problem.BIRTH_DATE_INVALID);
    }
    if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
      return Optional.of(Problem.CHECK_DIGIT);
    }
    return Optional.empty();
  }

  /** A valid number; throws {@link IllegalArgumentException} naming the problem otherwise. */
  public static ResidentIdNumber parse(String raw) {
    Optional<Problem> problem = problemOf(raw);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("not a valid resident ID number: " + problem.get());
    }
    return new ResidentIdNumber(raw.trim().toUpperCase(Locale.ROOT));
  }

  /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (first17 == null || !FIRST_17.matcher(first17).matches()) {
      throw new IllegalArgumentException("the check character needs exactly 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** The birth date of digits 7-14. */
  public LocalDate birthDate() {
    return parseBirth(number).orElseThrow();
  }

  /** The 6-digit region of registration (digits 1-6). */
  public String regionCode() {
    return number.substring(0, 6);
  }

  /** The masked form kept by the regulator: {@code 110105********123X}. */
  public String masked() {
    return number.substring(0, 6) + "********" + number.substring(14);
  }

  /** The person key: the keyed hash the regulator stores instead of the number. */
  public PersonKey personKey(PersonKeySecret secret) {
    return PersonKey.of(number, secret);
  }

  private static Optional<LocalDate> parseBirth(String number) {
    try {
      return Optional.of(LocalDate.parse(number.substring(6, 14), BIRTH));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentIdNumber other && other.number.equals(number);
  }

  @Override
  public int hashCode() {
    return number.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
