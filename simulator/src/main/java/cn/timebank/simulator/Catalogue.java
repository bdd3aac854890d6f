package cn.timebank.simulator;

import cn.timebank.standards.calendar.HolidayCalendar;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.HourRequest;
import cn.timebank.standards.hours.HourResult;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unified catalogue of the hour standard in force on the first day of the simulated period
 * ({@code standards}: codes, weights, norm minutes, certificates), and the standard's minutes of a
 * service as the simulator plans with them: billable minutes and an upper bound of the weighted
 * minutes, both from the standard's {@link HourCalculator}.
 */
final class Catalogue {

  static final String LIVING_ASSIST = "LIVING_ASSIST";
  static final String MEDICAL_ESCORT = "MEDICAL_ESCORT";
  static final String EMOTIONAL_SUPPORT = "EMOTIONAL_SUPPORT";

  /**
   * Every day a holiday: a service probed at midnight then gets the largest band factor there is
   * (night and holiday, stacked if the standard stacks them), so the weighted minutes computed with
   * it bound those of any start.
   */
  private static final HolidayCalendar EVERY_DAY_OFF =
      new HolidayCalendar() {
        @Override
        public boolean isHoliday(LocalDate day) {
          return true;
        }

        @Override
        public boolean isMakeUpWorkingDay(LocalDate day) {
          return false;
        }

        @Override
        public boolean covers(int year) {
          return true;
        }
      };

  private final HourStandard standard;
  private final HourCalculator upperBound;
  private final Map<Key, Minutes> known = new HashMap<>();

  private Catalogue(HourStandard standard) {
    this.standard = standard;
    this.upperBound = new HourCalculator(StandardVersions.builtIn(), EVERY_DAY_OFF);
  }

  /** The catalogue of the standard in force on the first day of {@code period}. */
  static Catalogue of(YearMonth period) {
    return new Catalogue(StandardVersions.builtIn().inForceOn(period.atDay(1)));
  }

  /** The categories in the standard's order. */
  List<Category> categories() {
    return standard.catalogue();
  }

  Category category(String code) {
    return standard
        .category(code)
        .orElseThrow(
            () -> new IllegalStateException(code + " is not in the catalogue of " + standard));
  }

  /** Billable minutes and weighted minutes at the largest band factor of a planned service. */
  record Minutes(long billable, long weightedUpper) {}

  /** What the minutes of a service depend on (the day for the version in force). */
  private record Key(int bank, String category, LocalDate day, long actual, Integer localAmount) {}

  /**
   * The standard's minutes of a planned (valid) service of {@code bank}; computed once per bank,
   * category, day, duration and amount.
   */
  Minutes minutes(
      BankProfile bank,
      Category category,
      LocalDateTime start,
      LocalDateTime end,
      Integer localAmount) {
    long actual = end == null ? -1 : Duration.between(start, end).toMinutes();
    Key key = new Key(bank.index(), category.code(), start.toLocalDate(), actual, localAmount);
    Minutes minutes = known.get(key);
    if (minutes == null) {
      minutes = calculate(bank, category, start.toLocalDate().atStartOfDay(), actual, localAmount);
      known.put(key, minutes);
    }
    return minutes;
  }

  private Minutes calculate(
      BankProfile bank, Category category, LocalDateTime start, long actual, Integer localAmount) {
    LocalDateTime end = actual < 0 ? null : start.plusMinutes(actual);
    Optional<LocalDateTime> until = Optional.ofNullable(end);
    Optional<BigDecimal> amount = Optional.ofNullable(localAmount).map(BigDecimal::valueOf);
    Optional<BigDecimal> perHour =
        Optional.ofNullable(bank.coinsPerHour()).map(BigDecimal::valueOf);
    HourRequest request =
        new HourRequest(bank.basis(), category.code(), start, until, amount, perHour);
    HourResult result = upperBound.calculate(request);
    if (result instanceof HourResult.Computed computed) {
      return new Minutes(computed.billableMinutes(), computed.weighted().value());
    }
    throw new IllegalStateException("a planned service is rejected: " + result);
  }
}
