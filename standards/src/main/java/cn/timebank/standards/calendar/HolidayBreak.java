package cn.timebank.standards.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One break of a notice: the days off from {@code from} to {@code to} (statutory days and the rest
 * days arranged around them) and the make-up working days (调休上班) that pay for them.
 *
 * @param holiday the holiday's name as the notice gives it, e.g. {@code 国庆节、中秋节}
 * @param from the first day off
 * @param to the last day off
 * @param makeUpWorkingDays the Saturdays and Sundays on which people work instead
 */
public record HolidayBreak(
    String holiday, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkingDays) {

  public HolidayBreak {
    Objects.requireNonNull(holiday, "holiday");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a break ends on or after its first day: " + this);
    }
    for (LocalDate day : makeUpWorkingDays) {
      if (!isWeekend(day)) {
        throw new IllegalArgumentException(
            "a make-up working day is a Saturday or Sunday: "
                + day
                + " is a "
                + day.getDayOfWeek());
      }
      if (!day.isBefore(from) && !day.isAfter(to)) {
        throw new IllegalArgumentException(day + " is both a day off and a make-up working day");
      }
    }
  }

  /** The days off of the break, first to last. */
  public List<LocalDate> daysOff() {
    return from.datesUntil(to.plusDays(1)).toList();
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
