package cn.timebank.standards.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days are holidays (days off in the official PRC calendar) and which are working days. The
 * hour calculator asks {@link #isHoliday} for the holiday band; due dates ask {@link
 * #isWorkingDay}.
 */
public interface HolidayCalendar {

  /**
   * True for every day off of the official calendar: the statutory holidays and the rest days
   * arranged around them (the whole National Day break). Ordinary weekends are not holidays, nor
   * are make-up working days (调休).
   */
  boolean isHoliday(LocalDate day);

  /** True for a make-up working day (调休): a Saturday or Sunday on which people work. */
  boolean isMakeUpWorkingDay(LocalDate day);

  /** True when the calendar has official data for the year. */
  boolean covers(int year);

  /**
   * A working day: not a holiday, and not a weekend unless it is a make-up working day. Beyond the
   * covered years only weekends are non-working days.
   */
  default boolean isWorkingDay(LocalDate day) {
    if (isHoliday(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    return !weekend || isMakeUpWorkingDay(day);
  }
}
