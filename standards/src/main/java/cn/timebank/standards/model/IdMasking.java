package cn.timebank.standards.model;

import cn.timebank.standards.identity.ResidentIdNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The masked identity number the regulator keeps instead of the raw one.
 *
 * <ul>
 *   <li>{@code RESIDENT_ID}: region and check block kept, birth date hidden: {@code
 *       110105********123X}.
 *   <li>{@code PASSPORT}/{@code OTHER} (decision, spec silent): upper-cased; the first 2 and last 2
 *       characters kept, every other character a {@code *}: {@code E1*****78}. They are masked too,
 *       because a passport number identifies a person as well as a resident ID does.
 * </ul>
 */
public final class IdMasking {

  /**
   * A passport or other number (decision): 6 to 32 letters, digits, {@code -}, {@code (} or {@code
   * )}, so that at least two characters are hidden.
   */
  static final Pattern OTHER_NUMBER = Pattern.compile("[0-9A-Za-z()\\-]{6,32}");

  private static final Pattern MASKED_RESIDENT = Pattern.compile("\\d{6}\\*{8}\\d{3}[\\dX]");
  private static final Pattern MASKED_OTHER =
      Pattern.compile("[0-9A-Z()\\-]{2}\\*{2,}[0-9A-Z()\\-]{2}");

  private IdMasking() {}

  /**
   * The masked form of a valid number.
   *
   * @throws IllegalArgumentException when the number is not valid for its type (the message never
   *     shows the number)
   */
  public static String mask(IdType type, String number) {
    if (type == IdType.RESIDENT_ID) {
      return ResidentIdNumber.parse(number).masked();
    }
    String text = number.strip().toUpperCase(Locale.ROOT);
    if (!OTHER_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "id_number of type " + type + " must be 6 to 32 letters, digits, '-', '(' or ')'");
    }
    return text.substring(0, 2) + "*".repeat(text.length() - 4) + text.substring(text.length() - 2);
  }

  /** True when {@code masked} has the masked shape of {@code type} (and so is not a raw number). */
  public static boolean isMasked(IdType type, String masked) {
    Pattern shape = type == IdType.RESIDENT_ID ? MASKED_RESIDENT : MASKED_OTHER;
    return masked != null && shape.matcher(masked).matches();
  }
}
