package cn.timebank.standards.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfficialHolidayCalendarTests {

  private final OfficialHolidayCalendar calendar = OfficialHolidayCalendar.builtIn();

  @Test
  void nationalDayBreakOf2025IsEightDaysOff() {
    LocalDate.of(2025, 10, 1)
        .datesUntil(LocalDate.of(2025, 10, 9))
        .forEach(day -> assertThat(calendar.isHoliday(day)).as(day.toString()).isTrue());
    assertThat(calendar.isHoliday(LocalDate.of(2025, 9, 30))).isFalse();
    assertThat(calendar.isHoliday(LocalDate.of(2025, 10, 9))).isFalse();
  }

  @Test
  void nationalDayBreakOf2025IsPaidForOnSeptember28AndOctober11() {
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    assertThat(calendar.isHoliday(LocalDate.of(2025, 9, 28))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
  }

  @Test
  void springFestivalOf2024IsFebruary10To17WithMakeUpDaysOn4And18() {
    LocalDate.of(2024, 2, 10)
        .datesUntil(LocalDate.of(2024, 2, 18))
        .forEach(day -> assertThat(calendar.isHoliday(day)).as(day.toString()).isTrue());
    assertThat(calendar.isHoliday(LocalDate.of(2024, 2, 9))).isFalse();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
  }

  @Test
  void springFestivalOf2025StartsOnItsEve() {
    assertThat(calendar.isHoliday(LocalDate.of(2025, 1, 27))).isFalse();
    assertThat(calendar.isHoliday(LocalDate.of(2025, 1, 28))).isTrue();
    assertThat(calendar.isHoliday(LocalDate.of(2025, 2, 4))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
  }

  @Test
  void labourDayOf2025IsFiveDaysWithOneMakeUpDay() {
    LocalDate.of(2025, 5, 1)
        .datesUntil(LocalDate.of(2025, 5, 6))
        .forEach(day -> assertThat(calendar.isHoliday(day)).as(day.toString()).isTrue());
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2025, 4, 27))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 6))).isTrue();
  }

  @Test
  void springFestivalOf2026IsNineDaysFromFebruary15() {
    assertThat(
            LocalDate.of(2026, 2, 1)
                .datesUntil(LocalDate.of(2026, 3, 1))
                .filter(calendar::isHoliday))
        .containsExactlyElementsOf(
            LocalDate.of(2026, 2, 15).datesUntil(LocalDate.of(2026, 2, 24)).toList());
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
  }

  @Test
  void nationalDayOf2026IsSevenDaysAndMidAutumnIsItsOwnBreak() {
    assertThat(calendar.isHoliday(LocalDate.of(2026, 10, 7))).isTrue();
    assertThat(calendar.isHoliday(LocalDate.of(2026, 10, 8))).isFalse();
    assertThat(calendar.isHoliday(LocalDate.of(2026, 9, 25))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
  }

  @Test
  void everyBreakHasTheLengthItsNoticeStates() {
    assertThat(calendar.breaks())
        .extracting(b -> b.from().getYear() + " " + b.holiday() + " " + b.daysOff().size())
        .contains(
            "2024 春节 8",
            "2024 国庆节 7",
            "2025 元旦 1",
            "2025 春节 8",
            "2025 劳动节 5",
            "2025 国庆节、中秋节 8",
            "2026 元旦 3",
            "2026 春节 9",
            "2026 国庆节 7");
  }

  @Test
  void aPlainWeekendIsNotAHolidayNorAWorkingDay() {
    LocalDate saturday = LocalDate.of(2025, 3, 15);
    assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(calendar.isHoliday(saturday)).isFalse();
    assertThat(calendar.isMakeUpWorkingDay(saturday)).isFalse();
    assertThat(calendar.isWorkingDay(saturday)).isFalse();
  }

  @Test
  void aMakeUpSundayIsAWorkingDay() {
    LocalDate sunday = LocalDate.of(2025, 9, 28);
    assertThat(sunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(calendar.isWorkingDay(sunday)).isTrue();
  }

  @Test
  void aHolidayOnAWeekdayIsNotAWorkingDay() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
  }

  @Test
  void weekendsAdjoiningABreakTakenWithTheWeekendAreDaysOff() {
    assertThat(calendar.isHoliday(LocalDate.of(2024, 6, 8))).isTrue();
    assertThat(calendar.isHoliday(LocalDate.of(2024, 6, 10))).isTrue();
    assertThat(calendar.isHoliday(LocalDate.of(2024, 1, 1))).isTrue();
  }

  @Test
  void coversExactlyTheYearsOfItsNotices() {
    assertThat(calendar.covers(2023)).isFalse();
    assertThat(calendar.covers(2024)).isTrue();
    assertThat(calendar.covers(2025)).isTrue();
    assertThat(calendar.covers(2026)).isTrue();
    assertThat(calendar.covers(2027)).isFalse();
  }

  @Test
  void beyondTheCoveredYearsOnlyWeekendsAreNonWorkingDays() {
    assertThat(calendar.isHoliday(LocalDate.of(2027, 10, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 2))).isFalse();
  }

  @Test
  void namesTheNoticeOfEachYear() {
    assertThat(calendar.notice(2025))
        .hasValueSatisfying(
            notice -> {
              assertThat(notice.title()).isEqualTo("国务院办公厅关于2025年部分节假日安排的通知");
              assertThat(notice.issued()).isEqualTo(LocalDate.of(2024, 11, 12));
              assertThat(notice.documentNumber()).contains("国办发明电〔2024〕12号");
            });
    assertThat(calendar.notice(2026).map(HolidayNotice::issued))
        .contains(LocalDate.of(2025, 11, 4));
    assertThat(calendar.notice(2023)).isEmpty();
  }
}
