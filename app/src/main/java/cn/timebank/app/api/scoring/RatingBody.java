package cn.timebank.app.api.scoring;

import cn.timebank.scoring.rating.BankRating;
import cn.timebank.scoring.rating.RatingInputs;
import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON of {@code GET /api/v1/banks/{bank}/rating?period=}: the five criteria (0–100), the
 * weighted total, the grade, and the figures they were computed from.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RatingBody(
    String bankCode,
    String period,
    String rulesVersion,
    Criteria criteria,
    BigDecimal total,
    String grade,
    Figures figures) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Criteria(
      BigDecimal punctuality,
      BigDecimal completeness,
      BigDecimal accuracy,
      BigDecimal stability,
      BigDecimal plausibility) {}

  /** The figures of {@link RatingInputs}, named as in credit-scoring/README.md. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Figures(
      boolean delivered,
      long daysLate,
      int filesExpected,
      int filesDelivered,
      long recordsRead,
      long recordsRejected,
      long recordsAccepted,
      long recordsNamedByFindings,
      int corrections) {}

  static RatingBody of(BankRating r) {
    RatingInputs in = r.inputs();
    return new RatingBody(
        r.bank(),
        r.period(),
        r.rulesVersion(),
        new Criteria(
            r.punctuality(), r.completeness(), r.accuracy(), r.stability(), r.plausibility()),
        r.total(),
        r.grade(),
        new Figures(
            in.delivered(),
            in.daysLate(),
            in.filesExpected(),
            in.filesDelivered(),
            in.read(),
            in.rejected(),
            in.accepted(),
            in.named(),
            in.corrections()));
  }
}
