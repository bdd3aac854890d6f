package cn.timebank.simulator;

import cn.timebank.standards.model.Timestamps;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * ISO-8601 timestamps as banks write them: local time of the standard's zone ({@link
 * Timestamps#ZONE}, Asia/Shanghai), with or without its offset; read back with {@link
 * Timestamps#parseLocal}. Also the period's texts the simulator derives (refs, generated_at).
 */
final class TimestampText {

  private TimestampText() {}

  static String format(LocalDateTime t, boolean offset) {
    StringBuilder out = new StringBuilder(25);
    out.append(t.getYear()).append('-');
    two(out, t.getMonthValue()).append('-');
    two(out, t.getDayOfMonth()).append('T');
    two(out, t.getHour()).append(':');
    two(out, t.getMinute()).append(':');
    two(out, t.getSecond());
    if (offset) {
      out.append(Timestamps.ZONE.getRules().getOffset(t).getId());
    }
    return out.toString();
  }

  private static StringBuilder two(StringBuilder out, int n) {
    if (n < 10) {
      out.append('0');
    }
    return out.append(n);
  }

  /** The manifest's generated_at: the 8th of the following month, 10:15 Shanghai time. */
  static LocalDateTime generatedAt(YearMonth period) {
    return period.plusMonths(1).atDay(8).atTime(10, 15);
  }

  /** The period as the spec writes it and as refs carry it: {@code 2026-10}, {@code 2610}. */
  static String shortPeriod(YearMonth period) {
    return String.format("%02d%02d", period.getYear() % 100, period.getMonthValue());
  }
}
