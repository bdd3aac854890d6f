package cn.timebank.standards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
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

  @Test
  void theCommonFormsReadAsTheIsoFormattersReadThem() {
    Random random = new Random(20261126);
    String[] offsets = {"", "Z", "+08:00", "-02:30", "+14:00", "-18:00", "+18:01", "+08:60", "z"};
    String[] fractions = {"", "", ".", ".5", ".123", ".000001", ".123456789", ".1234567890", ",5"};
    for (int n = 0; n < 40_000; n++) {
      StringBuilder text =
          new StringBuilder(
              String.format(
                  "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                  random.nextInt(n % 5 == 0 ? 10_000 : 3) + (n % 5 == 0 ? 0 : 1985),
                  random.nextInt(14),
                  random.nextInt(33),
                  random.nextInt(26),
                  random.nextInt(62),
                  random.nextInt(62),
                  fractions[random.nextInt(fractions.length)],
                  offsets[random.nextInt(offsets.length)]));
      if (n % 17 == 0) {
        text.setCharAt(random.nextInt(text.length()), "0-:T+Z9a 5".charAt(random.nextInt(10)));
      }
      String input = text.toString();
      Object expected;
      try {
        expected = Timestamps.parseIso(input);
      } catch (DateTimeParseException e) {
        expected = DateTimeParseException.class;
      }
      Object actual;
      try {
        actual = Timestamps.parseLocal(input);
      } catch (DateTimeParseException e) {
        actual = DateTimeParseException.class;
      }
      assertThat(actual).as(input).isEqualTo(expected);
    }
  }
}
