package cn.timebank.standards.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.data.DataFileException;
import org.junit.jupiter.api.Test;

class HolidayFileTests {

  @Test
  void refusesAnUnknownKey() {
    assertThatThrownBy(() -> OfficialHolidayCalendar.fromResource("calendar/unknown-key.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "calendar/unknown-key.yaml: $.years[0].breaks[0].make_up_workingdays: unknown key");
  }

  @Test
  void refusesADayListedAsDayOffAndAsMakeUpWorkingDay() {
    assertThatThrownBy(
            () -> OfficialHolidayCalendar.fromResource("calendar/day-off-and-make-up.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "calendar/day-off-and-make-up.yaml: $.years[0].breaks[1].make_up_working_days[0]: "
                + "2025-05-04 is a make-up working day here and a day off at $.years[0].breaks[0]");
  }

  @Test
  void refusesAMakeUpWorkingDayOnAWeekday() {
    assertThatThrownBy(
            () -> OfficialHolidayCalendar.fromResource("calendar/make-up-on-weekday.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "calendar/make-up-on-weekday.yaml: $.years[0].breaks[0].make_up_working_days[1]: "
                + "a make-up working day must be a Saturday or Sunday (2025-10-10 is a FRIDAY)");
  }

  @Test
  void refusesABreakWhoseLengthDiffersFromTheNotice() {
    assertThatThrownBy(() -> OfficialHolidayCalendar.fromResource("calendar/wrong-length.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "calendar/wrong-length.yaml: $.years[0].breaks[0].days: "
                + "the break from 2026-02-15 to 2026-02-22 has 8 days, not 9");
  }

  @Test
  void refusesTheSameYearTwice() {
    assertThatThrownBy(() -> OfficialHolidayCalendar.fromResource("calendar/same-year-twice.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "calendar/same-year-twice.yaml: $.years[1].year: the year 2025 is listed twice");
  }

  @Test
  void refusesAnImpossibleDate() {
    assertThatThrownBy(() -> OfficialHolidayCalendar.fromResource("calendar/bad-date.yaml"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "calendar/bad-date.yaml: $.years[0].breaks[0].to: "
                + "must be a date YYYY-MM-DD (was '2025-13-01')");
  }
}
