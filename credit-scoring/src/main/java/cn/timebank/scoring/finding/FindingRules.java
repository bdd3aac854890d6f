package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.VersionIndex;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One version of the detectors' thresholds ({@code findings/*.yaml}); see the file for what each
 * means.
 */
public record FindingRules(
    String version,
    LocalDate effectiveFrom,
    Overlap a301,
    CapHits a302,
    Reciprocal a303,
    Cycles a304,
    Lag a305,
    PerfectRatings a306,
    Overlap a307)
    implements VersionIndex.Versioned {

  /** A301 and A307. */
  public record Overlap(int minOverlapMinutes) {}

  public record CapHits(int minCapDays) {}

  public record Reciprocal(
      int windowDays, int minServicesEachWay, BigDecimal maxDifference, BigDecimal minShare) {}

  public record Cycles(int windowDays) {}

  public record Lag(int maxLagDays, int minServices) {}

  public record PerfectRatings(int windowDays, int minRatings) {}
}
