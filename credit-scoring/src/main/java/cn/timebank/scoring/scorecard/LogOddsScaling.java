package cn.timebank.scoring.scorecard;

/**
 * Turns log-odds into points, for scorecards whose points were fitted as log-odds (e.g. a logistic
 * regression on weights of evidence): {@code Factor = PDO / ln 2}, {@code Offset = Base − Factor ×
 * ln(BaseOdds)}, {@code score = Offset + Factor × ln(odds)}. Odds are good:bad. Example: base 600
 * at odds 50:1 with PDO 20 gives 620 at 100:1 and 580 at 25:1.
 *
 * @param base the score at {@code baseOdds}
 * @param baseOdds the good:bad odds that score {@code base}, e.g. 50 for 50:1
 * @param pdo points to double the odds
 */
public record LogOddsScaling(double base, double baseOdds, double pdo) {

  public LogOddsScaling {
    if (!(baseOdds > 0) || !(pdo > 0) || !Double.isFinite(base)) {
      throw new IllegalArgumentException(
          "base must be finite, odds and PDO positive (were "
              + base
              + ", "
              + baseOdds
              + ", "
              + pdo
              + ")");
    }
  }

  public double factor() {
    return pdo / Math.log(2);
  }

  public double offset() {
    return base - factor() * Math.log(baseOdds);
  }

  /** The score of good:bad {@code odds}. */
  public double score(double odds) {
    if (!(odds > 0)) {
      throw new IllegalArgumentException("odds must be positive (was " + odds + ")");
    }
    return pointsOfLogOdds(Math.log(odds));
  }

  /** The score of natural log-odds. */
  public double pointsOfLogOdds(double logOdds) {
    return offset() + factor() * logOdds;
  }

  /** The odds a score stands for (the inverse of {@link #score}). */
  public double odds(double score) {
    return Math.exp((score - offset()) / factor());
  }

  /**
   * The points of one characteristic's attribute in a scorecard of {@code characteristics}
   * characteristics fitted as {@code ln(odds) = intercept + Σ coefficient × woe}: the intercept and
   * the offset are spread evenly, so that the partial scores sum to {@link #pointsOfLogOdds}.
   */
  public double attributePoints(
      double coefficient, double woe, double intercept, int characteristics) {
    if (characteristics < 1) {
      throw new IllegalArgumentException("characteristics must be at least 1");
    }
    return (coefficient * woe + intercept / characteristics) * factor()
        + offset() / characteristics;
  }
}
