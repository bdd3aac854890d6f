package cn.timebank.standards.minutes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of whole standard minutes, the unit in which every credited amount, balance and ledger
 * entry is counted. Signed: a balance or an account (ISSUANCE) may be negative. Never a
 * floating-point number; hours are only a way of showing it ({@link #hours()}).
 */
public record StandardMinutes(long value) implements Comparable<StandardMinutes> {

  public static final StandardMinutes ZERO = new StandardMinutes(0);

  public static StandardMinutes of(long minutes) {
    return minutes == 0 ? ZERO : new StandardMinutes(minutes);
  }

  public static StandardMinutes ofHours(long hours) {
    return of(Math.multiplyExact(hours, 60));
  }

  public StandardMinutes plus(StandardMinutes other) {
    return of(Math.addExact(value, other.value));
  }

  public StandardMinutes minus(StandardMinutes other) {
    return of(Math.subtractExact(value, other.value));
  }

  public StandardMinutes negate() {
    return of(Math.negateExact(value));
  }

  public StandardMinutes min(StandardMinutes other) {
    return value <= other.value ? this : other;
  }

  public StandardMinutes max(StandardMinutes other) {
    return value >= other.value ? this : other;
  }

  public boolean isZero() {
    return value == 0;
  }

  public boolean isPositive() {
    return value > 0;
  }

  public boolean isNegative() {
    return value < 0;
  }

  /** Hours with exactly two decimals, rounded half-up: 90 minutes is {@code 1.50}. */
  public BigDecimal hours() {
    return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  /** Hours as shown in reports and CSV: {@code "1.50"}, {@code "-0.25"}. */
  public String hoursText() {
    return hours().toPlainString();
  }

  @Override
  public int compareTo(StandardMinutes other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value + " min";
  }
}
