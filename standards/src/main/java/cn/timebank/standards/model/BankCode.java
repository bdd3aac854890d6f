package cn.timebank.standards.model;

import java.util.regex.Pattern;

/**
 * A bank code (spec §1): the 6-digit GB/T 2260 code of the district that runs the bank, a dash and
 * a 3-digit sequence, e.g. {@code 310109-001}. Ordered by its text (the daily-cap order of spec §3
 * compares bank codes as strings).
 */
public record BankCode(String value) implements Comparable<BankCode> {

  private static final Pattern FORMAT = Pattern.compile("\\d{6}-\\d{3}");

  public BankCode {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "bank_code must be 6 digits, a dash and 3 digits, e.g. 310109-001 (was "
              + (value == null ? "null" : "'" + value + "'")
              + ")");
    }
  }

  public static BankCode of(String value) {
    return new BankCode(value);
  }

  /** True when {@code text} is a well-formed bank code. */
  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** The district that runs the bank: the first 6 digits, {@code 310109}. */
  public String districtCode() {
    return value.substring(0, 6);
  }

  /** The province: first 2 digits + {@code 0000}, e.g. {@code 310000}. */
  public String provinceCode() {
    return value.substring(0, 2) + "0000";
  }

  /** The city: first 4 digits + {@code 00}, e.g. {@code 310100}. */
  public String cityCode() {
    return value.substring(0, 4) + "00";
  }

  @Override
  public int compareTo(BankCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
