package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;
import java.util.List;

/**
 * A participant's score on one scorecard version.
 *
 * @param totalPoints the initial score plus every partial score, before rounding and the scale
 * @param score {@code totalPoints} rounded half-up and held to the scale (300–900 by default)
 */
public record ScoreResult(
    String cardVersion,
    Subject subject,
    BigDecimal totalPoints,
    int score,
    String grade,
    List<PartialScore> parts,
    List<Reason> reasons) {

  public ScoreResult {
    parts = List.copyOf(parts);
    reasons = List.copyOf(reasons);
  }
}
