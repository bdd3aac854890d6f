package cn.timebank.standards.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** A reporting period: one calendar month, written {@code 2026-10} (spec §2 manifest). */
public record Period(YearMonth month) implements Comparable<Period> {

  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

  public Period {
    if (month == null) {
      throw new IllegalArgumentException("period must not be null");
    }
  }

  public static Period of(int year, int month) {
    try {
      return new Period(YearMonth.of(year, month));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("period: " + e.getMessage(), e);
    }
  }

  /** Parses exactly {@code YYYY-MM} with a month 01-12; anything else is refused. */
  public static Period parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "period must be YYYY-MM, e.g. 2026-10 (was "
              + (text == null ? "null" : "'" + text + "'")
              + ")");
    }
    return of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)));
  }

  /** The period a day falls in. */
  public static Period containing(LocalDate day) {
    return new Period(YearMonth.from(day));
  }

  public LocalDate firstDay() {
    return month.atDay(1);
  }

  public LocalDate lastDay() {
    return month.atEndOfMonth();
  }

  public Period next() {
    return new Period(month.plusMonths(1));
  }

  public Period previous() {
    return new Period(month.minusMonths(1));
  }

  public boolean contains(LocalDate day) {
    return YearMonth.from(day).equals(month);
  }

  /** True when a local (Asia/Shanghai) date-time falls in this month. */
  public boolean contains(LocalDateTime time) {
    return contains(time.toLocalDate());
  }

  @Override
  public int compareTo(Period other) {
    return month.compareTo(other.month);
  }

  /** {@code 2026-10}. */
  @Override
  public String toString() {
    return month.toString();
  }
}
