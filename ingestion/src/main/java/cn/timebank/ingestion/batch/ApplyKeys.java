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
    return "0" + tail(fileNo, line);
  }

  public static String timed(RecordPosition position, int fileNo, long line) {
    StringBuilder key = new StringBuilder("1").append(time(position.at()));
    key.append(position.kind() == RecordKind.SERVICE ? '0' : '1');
    position
        .ref()
        .codePoints()
        .forEach(codePoint -> key.append('1').append(String.format("%07d", codePoint)));
    return key.append('0').append(tail(fileNo, line)).toString();
  }

  public static String unreadable(int fileNo, long line) {
    return "2" + tail(fileNo, line);
  }

  /** Years outside 0-9999 are held at the ends (such records fall outside any period anyway). */
  private static String time(LocalDateTime at) {
    int year = Math.max(0, Math.min(9999, at.getYear()));
    return String.format(
        "%04d%02d%02d%02d%02d%02d%09d",
        year,
        at.getMonthValue(),
        at.getDayOfMonth(),
        at.getHour(),
        at.getMinute(),
        at.getSecond(),
        at.getNano());
  }

  private static String tail(int fileNo, long line) {
    return String.format("%04d%012d", fileNo, line);
  }
}
