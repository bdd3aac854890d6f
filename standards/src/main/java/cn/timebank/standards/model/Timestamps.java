package cn.timebank.standards.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps of spec §2: ISO-8601, without an offset Asia/Shanghai local time, with an offset (or
 * {@code Z}) converted to Asia/Shanghai. The canonical records hold {@link LocalDateTime} in
 * Asia/Shanghai. A space instead of {@code T}, or a date without a time, is not ISO-8601 and is
 * refused.
 */
public final class Timestamps {

  /** The zone of every local date and time of the standard. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Timestamps() {}

  /**
   * A timestamp as Asia/Shanghai local time: {@code 2026-10-05T09:00:00} as is, {@code
   * 2026-10-05T01:00:00Z} as {@code 2026-10-05T09:00}.
   *
   * @throws DateTimeParseException when the text is neither form
   */
  public static LocalDateTime parseLocal(String text) {
    if (hasOffset(text)) {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .atZoneSameInstant(ZONE)
          .toLocalDateTime();
    }
    return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  /** A timestamp as an instant; without an offset it is read as Asia/Shanghai local time. */
  public static Instant parseInstant(String text) {
    return toInstant(parseLocal(text));
  }

  /** The instant of an Asia/Shanghai local time. */
  public static Instant toInstant(LocalDateTime local) {
    return local.atZone(ZONE).toInstant();
  }

  /** The Asia/Shanghai local time of an instant. */
  public static LocalDateTime toLocal(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZONE);
  }

  private static boolean hasOffset(String text) {
    int t = text.indexOf('T');
    if (t < 0) {
      return false;
    }
    String time = text.substring(t);
    return time.endsWith("Z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
  }
}
