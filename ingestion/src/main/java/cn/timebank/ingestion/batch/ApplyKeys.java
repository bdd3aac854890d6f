package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.RecordPosition;
import java.time.LocalDateTime;

/**
 * The application order of a package's records (participants first in file order, then the time
 * order of spec §3.8, then records the reader rejected) as a text of digits only, so that the
 * database sorts it the same way under any collation: {@code 0} participant, {@code 1} timed (time
 * as {@code yyyyMMddHHmmss} and nanoseconds, {@code 0} service or {@code 1} transaction, the ref's
 * code points as {@code 1} + 7 digits each, ended by {@code 0}: so a shorter ref comes first, as in
 * code-point order), {@code 2} unreadable; each ends with the file's number (4 digits) and the line
 * (12 digits), which makes the key unique.
 */
public final class ApplyKeys {

  private ApplyKeys() {}

  public static String participant(int fileNo, long line) {
    return tail(new StringBuilder(17).append('0'), fileNo, line).toString();
  }

  public static String timed(RecordPosition position, int fileNo, long line) {
    String ref = position.ref();
    StringBuilder key = new StringBuilder(42 + 8 * ref.length()).append('1');
    time(key, position.at());
    key.append(position.kind() == RecordKind.SERVICE ? '0' : '1');
    for (int i = 0; i < ref.length(); ) {
      int codePoint = ref.codePointAt(i);
      digits(key.append('1'), codePoint, 7);
      i += Character.charCount(codePoint);
    }
    return tail(key.append('0'), fileNo, line).toString();
  }

  public static String unreadable(int fileNo, long line) {
    return tail(new StringBuilder(17).append('2'), fileNo, line).toString();
  }

  /** Years outside 0-9999 are held at the ends (such records fall outside any period anyway). */
  private static void time(StringBuilder key, LocalDateTime at) {
    int year = Math.max(0, Math.min(9999, at.getYear()));
    digits(key, year, 4);
    digits(key, at.getMonthValue(), 2);
    digits(key, at.getDayOfMonth(), 2);
    digits(key, at.getHour(), 2);
    digits(key, at.getMinute(), 2);
    digits(key, at.getSecond(), 2);
    digits(key, at.getNano(), 9);
  }

  private static StringBuilder tail(StringBuilder key, int fileNo, long line) {
    digits(key, fileNo, 4);
    return digits(key, line, 12);
  }

  /**
   * {@code value} in decimal, left-padded with zeros to {@code width} digits (as {@code
   * %0<width>d}: a wider value is written whole, a negative one with its sign first).
   */
  static StringBuilder digits(StringBuilder key, long value, int width) {
    String text = Long.toString(Math.abs(value));
    if (value < 0) {
      key.append('-');
      width--;
    }
    for (int pad = width - text.length(); pad > 0; pad--) {
      key.append('0');
    }
    return key.append(text);
  }
}
