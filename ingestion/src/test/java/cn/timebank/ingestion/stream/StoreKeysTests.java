package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoreKeysTests {

  private static final DateTimeFormatter FIXED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");

  @Test
  void writesTimesAsTheFixedWidthPatternDoes() {
    Random random = new Random(20261127);
    for (int n = 0; n < 20_000; n++) {
      LocalDateTime at =
          LocalDateTime.of(
              n % 4 == 0 ? random.nextInt(10_000) : 2000 + random.nextInt(40),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              n % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
      assertThat(StoreKeys.time(at)).as(at.toString()).isEqualTo(FIXED.format(at)).hasSize(29);
    }
    assertThat(StoreKeys.time(LocalDateTime.of(0, 1, 1, 0, 0)))
        .isEqualTo("0000-01-01T00:00:00.000000000");
    assertThat(StoreKeys.time(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)))
        .isEqualTo("9999-12-31T23:59:59.999999999");
  }

  @Test
  void refusesYearsOutsideFourDigitsButEndKeysStopAt9999() {
    assertThatThrownBy(() -> StoreKeys.time(LocalDateTime.of(10_000, 1, 1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoreKeys.time(LocalDateTime.of(-1, 1, 1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StoreKeys.endTime(LocalDateTime.of(12_000, 1, 1, 0, 0)))
        .isEqualTo("9999-12-31T23:59:59.999999999");
  }
}
