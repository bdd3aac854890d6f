package cn.timebank.standards.hours.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.hours.FakeCalendar;
import cn.timebank.standards.hours.StandardVersions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DueDatesTests {

  /**
   * Covers 2024-2026 with the breaks these tests need: Dragon Boat 2024 (06-08..06-10), Labour Day
   * 2025 (05-01..05-05, make-up day Sunday 04-27), National Day 2025 (10-01..10-08, make-up days
   * 09-28 and Saturday 10-11).
   */
  private final FakeCalendar calendar =
      FakeCalendar.empty()
          .covering(2024, 2025, 2026)
          .holidays(LocalDate.of(2024, 6, 8), LocalDate.of(2024, 6, 10))
          .holidays(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5))
          .makeUpWorkingDay(LocalDate.of(2025, 4, 27))
          .holidays(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8))
          .makeUpWorkingDay(LocalDate.of(2025, 9, 28))
          .makeUpWorkingDay(LocalDate.of(2025, 10, 11));

  private final DueDates dueDates = new DueDates(StandardVersions.builtIn(), calendar);

  @Test
  void isDueOnThe10thDayAfterTheMonthAt235959Shanghai() {
    assertThat(dueDates.dueAt(YearMonth.of(2026, 10)).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2026-11-10T23:59:59+08:00"));
  }

  @Test
  void keepsAWorkingFridayAfterTheNationalDayBreak() {
    assertThat(dueDates.dueAt(YearMonth.of(2025, 9)).toLocalDate())
        .isEqualTo(LocalDate.of(2025, 10, 10));
  }

  @Test
  void movesADueDayOnAWeekendToMonday() {
    assertThat(dueDates.dueAt(YearMonth.of(2025, 4)).toLocalDate())
        .isEqualTo(LocalDate.of(2025, 5, 12));
  }

  @Test
  void movesADueDayInAHolidayPastIt() {
    assertThat(dueDates.dueAt(YearMonth.of(2024, 5)).toLocalDate())
        .isEqualTo(LocalDate.of(2024, 6, 11));
  }

  @Test
  void keepsADueDayOnAMakeUpWorkingDay() {
    var withMakeUp =
        new DueDates(
            StandardVersions.builtIn(),
            FakeCalendar.empty().covering(2025).makeUpWorkingDay(LocalDate.of(2025, 5, 10)));

    assertThat(withMakeUp.dueAt(YearMonth.of(2025, 4)).toLocalDate())
        .isEqualTo(LocalDate.of(2025, 5, 10));
  }

  @Test
  void movesOnlyWeekendsBeyondTheCoveredYears() {
    var guessing =
        FakeCalendar.empty()
            .covering(2026)
            .holidays(LocalDate.of(2030, 2, 11), LocalDate.of(2030, 2, 15));
    var beyond = new DueDates(StandardVersions.builtIn(), guessing);

    assertThat(beyond.dueAt(YearMonth.of(2030, 1)).toLocalDate())
        .isEqualTo(LocalDate.of(2030, 2, 11));
    assertThat(beyond.dueAt(YearMonth.of(2030, 4)).toLocalDate())
        .isEqualTo(LocalDate.of(2030, 5, 10));
  }

  @Test
  void isLateOnlyAfterTheDueSecond() {
    YearMonth period = YearMonth.of(2026, 10);

    assertThat(dueDates.isLate(period, at("2026-11-05T09:12:44+08:00"))).isFalse();
    assertThat(dueDates.isLate(period, at("2026-11-10T23:59:59+08:00"))).isFalse();
    assertThat(dueDates.isLate(period, at("2026-11-10T23:59:59.999+08:00"))).isFalse();
    assertThat(dueDates.isLate(period, at("2026-11-11T00:00:00+08:00"))).isTrue();
    assertThat(dueDates.isLate(period, at("2026-11-10T16:00:00Z"))).isTrue();
  }

  @Test
  void acceptsCorrectionsFor12MonthsAfterTheMovedDueDate() {
    YearMonth period = YearMonth.of(2025, 4);

    assertThat(dueDates.correctionWindowEnd(period))
        .isEqualTo(ZonedDateTime.parse("2026-05-12T23:59:59+08:00[Asia/Shanghai]"));
    assertThat(dueDates.isCorrectionTooLate(period, at("2026-05-12T23:59:59+08:00"))).isFalse();
    assertThat(dueDates.isCorrectionTooLate(period, at("2026-05-13T00:00:00+08:00"))).isTrue();
  }

  private static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
