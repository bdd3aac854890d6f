package cn.timebank.standards.hours.schedule;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourStandard;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * W205 (spec §4): a service recorded more than {@code recording_lag_days} (30) after it took place.
 * Counted in calendar days (Asia/Shanghai) from the day of {@code start} to the day of {@code
 * recorded_at} (decision): started 10-05, recorded 11-04 is 30 days and on time, 11-05 is W205. The
 * lag is that of the standard in force at the start.
 */
public final class RecordingLag {

  private RecordingLag() {}

  /** W205 when {@code recordedAt} is more than the standard's lag after {@code start}. */
  public static Optional<ResultCode> check(
      HourStandard standard, LocalDateTime start, LocalDateTime recordedAt) {
    Objects.requireNonNull(standard, "standard");
    long days = ChronoUnit.DAYS.between(start.toLocalDate(), recordedAt.toLocalDate());
    return days > standard.schedule().recordingLagDays()
        ? Optional.of(ResultCode.W205)
        : Optional.empty();
  }
}
