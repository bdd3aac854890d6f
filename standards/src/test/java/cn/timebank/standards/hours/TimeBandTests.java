package cn.timebank.standards.hours;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.hours.HourResult.Computed;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §3.3: the band is where the service starts; night and holiday do not stack. */
class TimeBandTests {

  /** The 2025 National Day break, 10-01 to 10-08, with the make-up working day 10-11 (Sat). */
  private final FakeCalendar calendar =
      FakeCalendar.empty()
          .covering(2025)
          .holidays(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8))
          .makeUpWorkingDay(LocalDate.of(2025, 9, 28))
          .makeUpWorkingDay(LocalDate.of(2025, 10, 11));

  private final HourCalculator calculator =
      new HourCalculator(StandardVersions.builtIn(), calendar);

  @ParameterizedTest(name = "starting at {0} → {1}")
  @CsvSource({
    "21:59, ORDINARY, 60",
    "22:00, NIGHT,    75",
    "23:59, NIGHT,    75",
    "00:00, NIGHT,    75",
    "05:59, NIGHT,    75",
    "06:00, ORDINARY, 60",
  })
  void putsTheNightBandEdgesWhereTheSpecSays(LocalTime start, TimeBand band, long weighted) {
    Computed result = hourFrom(LocalDate.of(2025, 9, 16), start);

    assertThat(result.band()).isEqualTo(band);
    assertThat(result.weighted()).isEqualTo(StandardMinutes.of(weighted));
  }

  @Test
  void takesTheBandOfTheStartEvenWhenTheServiceRunsIntoTheNight() {
    assertThat(hourFrom(LocalDate.of(2025, 9, 16), LocalTime.of(21, 30)).band())
        .isEqualTo(TimeBand.ORDINARY);
  }

  @Test
  void appliesTheHolidayFactorOnEveryDayOfTheBreak() {
    for (int day = 1; day <= 8; day++) {
      Computed result = hourFrom(LocalDate.of(2025, 10, day), LocalTime.of(10, 0));
      assertThat(result.band()).isEqualTo(TimeBand.HOLIDAY);
      assertThat(result.weighted()).isEqualTo(StandardMinutes.of(75));
    }
  }

  @Test
  void doesNotStackNightAndHoliday() {
    Computed result = hourFrom(LocalDate.of(2025, 10, 3), LocalTime.of(23, 0));

    assertThat(result.band()).isEqualTo(TimeBand.HOLIDAY);
    assertThat(result.factor()).isEqualByComparingTo("1.25");
    assertThat(result.weighted()).isEqualTo(StandardMinutes.of(75));
  }

  @Test
  void treatsAMakeUpWorkingDayAndAnOrdinaryWeekendAsOrdinary() {
    assertThat(hourFrom(LocalDate.of(2025, 10, 11), LocalTime.of(10, 0)).band())
        .isEqualTo(TimeBand.ORDINARY);
    assertThat(hourFrom(LocalDate.of(2025, 10, 18), LocalTime.of(10, 0)).band())
        .isEqualTo(TimeBand.ORDINARY);
  }

  @Test
  void takesTheHolidayFromTheStartDateNotTheEndDate() {
    assertThat(hourFrom(LocalDate.of(2025, 9, 30), LocalTime.of(23, 30)).band())
        .isEqualTo(TimeBand.NIGHT);
    assertThat(hourFrom(LocalDate.of(2025, 10, 8), LocalTime.of(23, 30)).band())
        .isEqualTo(TimeBand.HOLIDAY);
  }

  @Test
  void multipliesTheFactorsWhenAVersionLetsBandsStack() {
    var stacking =
        new HourStandard.Bands(
            StandardVersions.builtIn().inForceOn(LocalDate.of(2025, 1, 1)).bands().night(),
            new java.math.BigDecimal("1.25"),
            true);

    BandRule.Applied applied =
        BandRule.of(stacking, LocalDateTime.of(2025, 10, 3, 23, 0), calendar);

    assertThat(applied.factor()).isEqualByComparingTo("1.5625");
  }

  private Computed hourFrom(LocalDate day, LocalTime start) {
    LocalDateTime from = LocalDateTime.of(day, start);
    return (Computed)
        calculator.calculate(HourRequest.duration("LIVING_ASSIST", from, from.plusHours(1)));
  }
}
