package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;

/**
 * One characteristic's contribution to a score: the value, the bin it fell in, its points, and the
 * baseline and reason code of the characteristic (for {@link ReasonCodes}).
 */
public record PartialScore(
    String characteristic,
    CharacteristicValue value,
    String bin,
    BigDecimal points,
    BigDecimal baseline,
    String reasonCode) {

  /** PMML "pointsBelow": how far the partial score stays below the baseline (may be negative). */
  public BigDecimal pointsBelowBaseline() {
    return baseline.subtract(points);
  }
}
