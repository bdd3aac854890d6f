package cn.timebank.standards.hours;

import cn.timebank.standards.calendar.HolidayCalendar;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Spec §3.3: the band and factor of a service, from where it starts. Night when its start time is
 * in the night band, holiday when its start date is a holiday of the calendar. When both apply and
 * bands do not stack the larger factor is taken; when they stack the factors multiply. When both
 * apply the band reported is {@link TimeBand#HOLIDAY} unless night's factor alone was taken.
 */
final class BandRule {

  private BandRule() {}

  record Applied(TimeBand band, BigDecimal factor) {}

  static Applied of(HourStandard.Bands bands, LocalDateTime start, HolidayCalendar calendar) {
    boolean night = bands.night().contains(start.toLocalTime());
    boolean holiday = calendar.isHoliday(start.toLocalDate());
    BigDecimal nightFactor = bands.night().factor();
    BigDecimal holidayFactor = bands.holidayFactor();
    if (night && holiday) {
      if (bands.stack()) {
        return new Applied(TimeBand.HOLIDAY, nightFactor.multiply(holidayFactor));
      }
      return nightFactor.compareTo(holidayFactor) > 0
          ? new Applied(TimeBand.NIGHT, nightFactor)
          : new Applied(TimeBand.HOLIDAY, holidayFactor);
    }
    if (holiday) {
      return new Applied(TimeBand.HOLIDAY, holidayFactor);
    }
    if (night) {
      return new Applied(TimeBand.NIGHT, nightFactor);
    }
    return new Applied(TimeBand.ORDINARY, BigDecimal.ONE);
  }
}
