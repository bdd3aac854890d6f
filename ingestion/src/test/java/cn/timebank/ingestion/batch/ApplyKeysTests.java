package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.RecordPosition;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The keys are the same text as the {@code String.format} they were first written with. */
class ApplyKeysTests {

  @Test
  void keysAreThoseOfTheFormatPatterns() {
    Random random = new Random(20261126);
    for (int n = 0; n < 20_000; n++) {
      int fileNo = random.nextInt(n % 7 == 0 ? 99_999 : 10_000);
      long line = n % 11 == 0 ? random.nextLong(10_000_000_000_000L) : random.nextInt(2_000_000);
      LocalDateTime at =
          LocalDateTime.of(
              n % 13 == 0 ? random.nextInt(-20_000, 20_000) : random.nextInt(1990, 2100),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(1_000_000_000));
      RecordPosition position =
          new RecordPosition(
              at, random.nextBoolean() ? RecordKind.SERVICE : RecordKind.TRANSACTION, ref(random));

      assertThat(ApplyKeys.timed(position, fileNo, line))
          .isEqualTo(formattedTimed(position, fileNo, line));
      assertThat(ApplyKeys.participant(fileNo, line)).isEqualTo("0" + formattedTail(fileNo, line));
      assertThat(ApplyKeys.unreadable(fileNo, line)).isEqualTo("2" + formattedTail(fileNo, line));
    }
  }

  @Test
  void negativeNumbersArePaddedAfterTheirSign() {
    assertThat(ApplyKeys.digits(new StringBuilder(), -5, 7).toString())
        .isEqualTo(String.format(Locale.ROOT, "%07d", -5));
    assertThat(ApplyKeys.digits(new StringBuilder(), 123_456, 4).toString()).isEqualTo("123456");
  }

  private static String ref(Random random) {
    StringBuilder ref = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(4)) {
        case 0 -> ref.appendCodePoint(0x1F600 + random.nextInt(50));
        case 1 -> ref.appendCodePoint(0x4E00 + random.nextInt(2000));
        default -> ref.appendCodePoint(0x21 + random.nextInt(90));
      }
    }
    return ref.toString();
  }

  /** The keys as they were written before, with {@code String.format}. */
  private static String formattedTimed(RecordPosition position, int fileNo, long line) {
    StringBuilder key = new StringBuilder("1");
    LocalDateTime at = position.at();
    key.append(
        String.format(
            Locale.ROOT,
            "%04d%02d%02d%02d%02d%02d%09d",
            Math.max(0, Math.min(9999, at.getYear())),
            at.getMonthValue(),
            at.getDayOfMonth(),
            at.getHour(),
            at.getMinute(),
            at.getSecond(),
            at.getNano()));
    key.append(position.kind() == RecordKind.SERVICE ? '0' : '1');
    position
        .ref()
        .codePoints()
        .forEach(c -> key.append('1').append(String.format(Locale.ROOT, "%07d", c)));
    return key.append('0').append(formattedTail(fileNo, line)).toString();
  }

  private static String formattedTail(int fileNo, long line) {
    return String.format(Locale.ROOT, "%04d%012d", fileNo, line);
  }
}
