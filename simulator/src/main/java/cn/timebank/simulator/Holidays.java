package cn.timebank.simulator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The few official days off the simulator plants holiday-band services on: the National Day break
 * of 2024 to 2026. Kept apart (and deliberately small) so that it can be switched to the standard's
 * holiday calendar. Outside October the simulator plants no holiday services; the daily-cap margin
 * of ordinary providers is computed with the holiday factor on every day, so a holiday it does not
 * know of never changes a result code.
 */
final class Holidays {

  /** Last day of the National Day break by year (the break starts on 10-01). */
  private static final Map<Integer, Integer> NATIONAL_DAY_BREAK_END =
      Map.of(2024, 7, 2025, 8, 2026, 7);

  private Holidays() {}

  /** True for a day of the National Day break of 2024-2026. */
  static boolean isNationalDayBreak(LocalDate day) {
    Integer end = NATIONAL_DAY_BREAK_END.get(day.getYear());
    return end != null && day.getMonthValue() == 10 && day.getDayOfMonth() <= end;
  }

  /** The number of break days at the start of the period (0 unless October 2024-2026). */
  static int breakDays(YearMonth period) {
    if (period.getMonthValue() != 10) {
      return 0;
    }
    return NATIONAL_DAY_BREAK_END.getOrDefault(period.getYear(), 0);
  }
}
