package cn.timebank.standards.hours.schedule;

import cn.timebank.standards.hours.HourStandard;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * W207 (spec §4): a {@code TRANSFER_IN} matches a {@code TRANSFER_OUT} whose {@code occurred_at} is
 * within {@code transfer_match_days} (3) of its own, either way. Counted in calendar days
 * (Asia/Shanghai) between the two dates (decision): 10-05 23:00 and 10-08 08:00 are 3 days apart
 * and match; 10-05 and 10-09 do not.
 */
public final class TransferWindow {

  private TransferWindow() {}

  /** True when the two times are at most the standard's match days apart. */
  public static boolean within(HourStandard standard, LocalDateTime a, LocalDateTime b) {
    Objects.requireNonNull(standard, "standard");
    long days = Math.abs(ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate()));
    return days <= standard.schedule().transferMatchDays();
  }
}
