package cn.timebank.scoring.shared;

import cn.timebank.standards.model.Period;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The time a characteristic looks at, for a period: the {@code months} calendar months ending with
 * the period, as half-open local (Asia/Shanghai) times {@code [from, to)} — the times the canonical
 * records hold ({@code services.start_at}). For period 2026-10 and 12 months: 2025-11-01T00:00 to
 * 2026-11-01T00:00.
 */
public record ScoringWindow(Period period, LocalDateTime from, LocalDateTime to) {

  /** The months a score looks back over, the period included. */
  public static final int SCORE_MONTHS = 12;

  public ScoringWindow {
    Objects.requireNonNull(period, "period");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("window from " + from + " is not before " + to);
    }
  }

  /** The {@code months} months ending with {@code period}. */
  public static ScoringWindow monthsEnding(Period period, int months) {
    if (months < 1) {
      throw new IllegalArgumentException("months must be at least 1 (was " + months + ")");
    }
    LocalDateTime to = period.next().firstDay().atStartOfDay();
    return new ScoringWindow(period, to.minusMonths(months), to);
  }

  /** The 12 months ending with {@code period}: the window of every score characteristic. */
  public static ScoringWindow of(Period period) {
    return monthsEnding(period, SCORE_MONTHS);
  }

  /** The period alone. */
  public static ScoringWindow periodOnly(Period period) {
    return monthsEnding(period, 1);
  }

  /** The {@code days} days ending with the period's last day. */
  public static ScoringWindow daysEnding(Period period, int days) {
    LocalDateTime to = period.next().firstDay().atStartOfDay();
    return new ScoringWindow(period, to.minusDays(days), to);
  }

  /** The start of the period itself (the window may reach further back). */
  public LocalDateTime periodStart() {
    return period.firstDay().atStartOfDay();
  }
}
