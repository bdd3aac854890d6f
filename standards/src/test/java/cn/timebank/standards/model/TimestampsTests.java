package cn.timebank.standards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTests {

  @Test
  void readsATimeWithoutOffsetAsShanghaiLocalTime() {
    assertThat(Timestamps.parseLocal("2026-10-05T09:00:00"))
        .isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 0));
    assertThat(Timestamps.parseInstant("2026-10-05T09:00:00"))
        .isEqualTo(Instant.parse("2026-10-05T01:00:00Z"));
  }

  @Test
  void convertsATimeWithOffsetToShanghaiLocalTime() {
    assertThat(Timestamps.parseLocal("2026-10-05T01:00:00Z"))
        .isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 0));
    assertThat(Timestamps.parseLocal("2026-10-04T23:30:00-02:00"))
        .isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 30));
    assertThat(Timestamps.parseLocal("2026-10-05T09:00:00+08:00"))
        .isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-10-05 09:00:00", "2026-10-05", "2026-10-05T25:00", "09:00", "x"})
  void refusesWhatIsNotIso8601(String text) {
    assertThatThrownBy(() -> Timestamps.parseLocal(text))
        .isInstanceOf(DateTimeParseException.class);
  }
}
