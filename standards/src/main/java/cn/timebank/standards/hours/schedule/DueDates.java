package cn.timebank.standards.hours.schedule;

import cn.timebank.standards.calendar.HolidayCalendar;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Spec §5: when a period's report is due, whether a delivery is late, and until when corrections
 * are accepted. The numbers come from the standard in force on the period's last day (§3.9): due
 * the 10th calendar day after the month ends at 23:59:59 Asia/Shanghai, moved to the next working
 * day; corrections until 12 months after the (moved) due date.
 *
 * <p>A day is a working day by {@link HolidayCalendar#isWorkingDay} in the years the calendar
 * covers; beyond them only weekends move a due day, whatever the calendar says of that year. A
 * delivery within the due second (23:59:59.xxx) is on time.
 */
public final class DueDates {

  private final StandardVersions versions;
  private final HolidayCalendar calendar;

  public DueDates(StandardVersions versions, HolidayCalendar calendar) {
    this.versions = Objects.requireNonNull(versions, "versions");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The instant the report of {@code period} is due, in the standard's zone. */
  public ZonedDateTime dueAt(YearMonth period) {
    HourStandard.Schedule schedule = scheduleOf(period);
    LocalDate day = period.atEndOfMonth().plusDays(schedule.dueDaysAfterMonthEnd());
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return ZonedDateTime.of(day, schedule.dueTime(), schedule.zone());
  }

  /** True when a report of {@code period} received at {@code receivedAt} is late. */
  public boolean isLate(YearMonth period, Instant receivedAt) {
    return after(receivedAt, dueAt(period));
  }

  /** The end of the correction window: the due instant plus correction_window_months. */
  public ZonedDateTime correctionWindowEnd(YearMonth period) {
    return dueAt(period).plusMonths(scheduleOf(period).correctionWindowMonths());
  }

  /** True when a correction of {@code period} received at {@code receivedAt} is too late (P011). */
  public boolean isCorrectionTooLate(YearMonth period, Instant receivedAt) {
    return after(receivedAt, correctionWindowEnd(period));
  }

  private HourStandard.Schedule scheduleOf(YearMonth period) {
    return versions.inForceOn(period.atEndOfMonth()).schedule();
  }

  private boolean isWorkingDay(LocalDate day) {
    if (calendar.covers(day.getYear())) {
      return calendar.isWorkingDay(day);
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static boolean after(Instant receivedAt, ZonedDateTime limit) {
    return receivedAt.truncatedTo(ChronoUnit.SECONDS).isAfter(limit.toInstant());
  }
}
