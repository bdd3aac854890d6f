package cn.timebank.standards.hours;

import cn.timebank.standards.calendar.HolidayCalendar;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A holiday calendar for tests: the days it is told, for the years it is told it covers. */
public final class FakeCalendar implements HolidayCalendar {

  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> makeUpDays = new HashSet<>();
  private final Set<Integer> coveredYears = new HashSet<>();

  /** A calendar that knows no holidays and covers no year. */
  public static FakeCalendar empty() {
    return new FakeCalendar();
  }

  /** Declares {@code year} covered. */
  public FakeCalendar covering(int... years) {
    for (int year : years) {
      coveredYears.add(year);
    }
    return this;
  }

  /** Adds the days {@code from} to {@code to}, both included, as holidays. */
  public FakeCalendar holidays(LocalDate from, LocalDate to) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      holidays.add(day);
    }
    return this;
  }

  public FakeCalendar makeUpWorkingDay(LocalDate day) {
    makeUpDays.add(day);
    return this;
  }

  @Override
  public boolean isHoliday(LocalDate day) {
    return holidays.contains(day);
  }

  @Override
  public boolean isMakeUpWorkingDay(LocalDate day) {
    return makeUpDays.contains(day);
  }

  @Override
  public boolean covers(int year) {
    return coveredYears.contains(year);
  }
}
