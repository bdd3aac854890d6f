package cn.timebank.standards.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    LocalDateTime common = common(text);
    if (common != null) {
      return common;
    }
    return parseIso(text);
  }

  /** {@link #parseLocal} through the ISO formatters only (the reference of the common forms). */
  static LocalDateTime parseIso(String text) {
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

  /**
   * The common forms {@code uuuu-MM-ddTHH:mm:ss}, with a fraction of 1 to 9 digits or without, then
   * nothing, {@code Z} or {@code ±HH:MM}, read without a formatter (the formatters cost most of a
   * record's reading); {@code null} for any other text or any value out of range, which the
   * formatters then read or refuse as before.
   */
  private static LocalDateTime common(String text) {
    int length = text.length();
    if (length < 19
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int end = 19;
    int nanos = 0;
    if (length > end && text.charAt(end) == '.') {
      int count = 0;
      while (end + 1 + count < length && isDigit(text.charAt(end + 1 + count))) {
        count++;
      }
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(text, end + 1, count);
      for (int i = count; i < 9; i++) {
        nanos *= 10;
      }
      end += 1 + count;
    }
    LocalDateTime local;
    ZoneOffset offset = null;
    try {
      local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      if (length == end + 1) {
        if (text.charAt(end) != 'Z') {
          return null;
        }
        offset = ZoneOffset.UTC;
      } else if (length == end + 6) {
        char sign = text.charAt(end);
        int hours = digits(text, end + 1, 2);
        int minutes = digits(text, end + 4, 2);
        if ((sign != '+' && sign != '-')
            || text.charAt(end + 3) != ':'
            || hours < 0
            || minutes < 0) {
          return null;
        }
        offset =
            sign == '+'
                ? ZoneOffset.ofHoursMinutes(hours, minutes)
                : ZoneOffset.ofHoursMinutes(-hours, -minutes);
      } else if (length != end) {
        return null;
      }
    } catch (DateTimeException e) {
      return null;
    }
    return offset == null
        ? local
        : local.atOffset(offset).atZoneSameInstant(ZONE).toLocalDateTime();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The ASCII digits at {@code from} as a number, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
