package cn.timebank.standards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTests {

  @Test
  void parsesAMonthAndKnowsItsDays() {
    Period period = Period.parse("2026-02");

    assertThat(period.firstDay()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(period.lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(period).hasToString("2026-02");
  }

  @Test
  void stepsAcrossYears() {
    assertThat(Period.parse("2026-12").next()).isEqualTo(Period.parse("2027-01"));
    assertThat(Period.parse("2026-01").previous()).isEqualTo(Period.parse("2025-12"));
  }

  @Test
  void containsTheDaysAndTimesOfItsMonth() {
    Period period = Period.parse("2026-10");

    assertThat(period.contains(LocalDate.of(2026, 10, 31))).isTrue();
    assertThat(period.contains(LocalDate.of(2026, 11, 1))).isFalse();
    assertThat(period.contains(LocalDateTime.of(2026, 10, 1, 0, 0))).isTrue();
    assertThat(Period.containing(LocalDate.of(2026, 10, 5))).isEqualTo(period);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-1", "2026-13", "2026-00", "2026-10-01", "26-10", "2026/10", " 2026-10"})
  void refusesAnythingButYyyyMm(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Period.parse(text))
        .withMessageContaining("period");
  }
}
