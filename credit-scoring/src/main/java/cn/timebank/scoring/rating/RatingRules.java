package cn.timebank.scoring.rating;

import cn.timebank.scoring.shared.VersionIndex;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the rating rules ({@code ratings/*.yaml}).
 *
 * @param expectedFiles the data file types a period's delivery should hold
 * @param perDayLate punctuality points lost per day late
 * @param perCorrection stability points lost per correction
 * @param grades highest first; the last one's minimum is 0
 */
public record RatingRules(
    String version,
    LocalDate effectiveFrom,
    List<String> expectedFiles,
    int perDayLate,
    int perCorrection,
    Weights weights,
    List<Grade> grades)
    implements VersionIndex.Versioned {

  /** Weights in percent; they sum to 100. */
  public record Weights(
      int punctuality, int completeness, int accuracy, int stability, int plausibility) {}

  public record Grade(String grade, int min) {}

  public RatingRules {
    expectedFiles = List.copyOf(expectedFiles);
    grades = List.copyOf(grades);
  }
}
