package cn.timebank.standards.hours;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourResult.Computed;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §3 "Worked examples", row for row, on an ordinary weekday (Tuesday 2026-10-13). */
class WorkedExamplesTests {

  private static final LocalDate WEEKDAY = LocalDate.of(2026, 10, 13);

  private final HourCalculator calculator =
      new HourCalculator(StandardVersions.builtIn(), FakeCalendar.empty().covering(2026));

  @ParameterizedTest(name = "{0} {1}-{2}: {7} credited minutes, {8} hours")
  @CsvSource({
    "LIVING_ASSIST,      09:00, 10:40, 100, 90, 1.0, 1.0,  90, 1.50, ",
    "PERSONAL_CARE,      14:00, 15:10,  70, 60, 1.5, 1.0,  90, 1.50, ",
    "CULTURE_RECREATION, 19:00, 19:50,  50, 45, 0.8, 1.0,  36, 0.60, ",
    "MEDICAL_ESCORT,     21:00, 22:30,  90, 90, 1.2, 1.0, 108, 1.80, ",
    "EMOTIONAL_SUPPORT,  22:30, 23:30,  60, 60, 1.0, 1.25, 75, 1.25, ",
    "SAFETY_VISIT,       08:00, 08:25,  25, 15, 1.0, 1.0,   0, 0.00, W202",
  })
  void creditsTheWorkedExamplesOfTheSpec(
      String category,
      LocalTime start,
      LocalTime end,
      long actual,
      long billable,
      String weight,
      String factor,
      long credited,
      String hours,
      ResultCode warning) {
    Computed result = compute(category, start, end);

    assertThat(result.actualMinutes()).hasValue(actual);
    assertThat(result.billableMinutes()).isEqualTo(billable);
    assertThat(result.weight()).isEqualByComparingTo(weight);
    assertThat(result.factor()).isEqualByComparingTo(factor);
    assertThat(result.weighted()).isEqualTo(StandardMinutes.of(credited));
    assertThat(result.weighted().hoursText()).isEqualTo(hours);
    if (warning == null) {
      assertThat(result.warnings()).isEmpty();
    } else {
      assertThat(result.warnings()).containsExactly(warning);
    }
  }

  @Test
  void creditsTheSixExamplesOfOneDay399MinutesUnderTheDailyCap() {
    long total =
        Stream.of(
                compute("LIVING_ASSIST", LocalTime.of(9, 0), LocalTime.of(10, 40)),
                compute("PERSONAL_CARE", LocalTime.of(14, 0), LocalTime.of(15, 10)),
                compute("CULTURE_RECREATION", LocalTime.of(19, 0), LocalTime.of(19, 50)),
                compute("MEDICAL_ESCORT", LocalTime.of(21, 0), LocalTime.of(22, 30)),
                compute("EMOTIONAL_SUPPORT", LocalTime.of(22, 30), LocalTime.of(23, 30)),
                compute("SAFETY_VISIT", LocalTime.of(8, 0), LocalTime.of(8, 25)))
            .mapToLong(c -> c.weighted().value())
            .sum();

    assertThat(total).isEqualTo(399);
    assertThat(total)
        .isLessThan(StandardVersions.builtIn().inForceOn(WEEKDAY).caps().dailyCap().value());
  }

  private Computed compute(String category, LocalTime start, LocalTime end) {
    HourResult result =
        calculator.calculate(
            HourRequest.duration(
                category, LocalDateTime.of(WEEKDAY, start), LocalDateTime.of(WEEKDAY, end)));
    assertThat(result).isInstanceOf(Computed.class);
    return (Computed) result;
  }
}
