package cn.timebank.scoring.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rating of one bank from its figures (pure). Criteria, each 0–100 with two decimals (half-up):
 *
 * <ul>
 *   <li>punctuality: 100 on time, minus {@code per_day_late} per day late, floor 0; 0 when nothing
 *       was delivered;
 *   <li>completeness: 100 × expected file types delivered / expected (nothing delivered: 0);
 *   <li>accuracy: 100 × (1 − rejected / read); with no record read: 100 if delivered, else 0;
 *   <li>stability: 100 − {@code per_correction} per correction, floor 0;
 *   <li>plausibility: 100 × (1 − named / accepted), floor 0; with no record accepted: 100 if
 *       delivered, else 0.
 * </ul>
 *
 * Total = Σ weight × criterion / 100 (two decimals); the grade is the first whose minimum the total
 * reaches.
 */
public final class RatingFormula {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private RatingFormula() {}

  public static BankRating rate(String period, RatingRules rules, RatingInputs in) {
    BigDecimal punctuality =
        in.delivered()
            ? floor(HUNDRED.subtract(BigDecimal.valueOf(rules.perDayLate() * in.daysLate())))
            : BigDecimal.ZERO;
    BigDecimal completeness = ratio(in.filesDelivered(), in.filesExpected(), false);
    BigDecimal accuracy = oneMinus(in.rejected(), in.read(), in.delivered());
    BigDecimal stability =
        floor(
            HUNDRED.subtract(BigDecimal.valueOf((long) rules.perCorrection() * in.corrections())));
    BigDecimal plausibility = oneMinus(in.named(), in.accepted(), in.delivered());
    RatingRules.Weights w = rules.weights();
    BigDecimal total =
        punctuality
            .multiply(BigDecimal.valueOf(w.punctuality()))
            .add(completeness.multiply(BigDecimal.valueOf(w.completeness())))
            .add(accuracy.multiply(BigDecimal.valueOf(w.accuracy())))
            .add(stability.multiply(BigDecimal.valueOf(w.stability())))
            .add(plausibility.multiply(BigDecimal.valueOf(w.plausibility())))
            .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    return new BankRating(
        period,
        rules.version(),
        in.bank(),
        scale(punctuality),
        scale(completeness),
        scale(accuracy),
        scale(stability),
        scale(plausibility),
        total,
        grade(rules, total),
        in);
  }

  static String grade(RatingRules rules, BigDecimal total) {
    for (RatingRules.Grade g : rules.grades()) {
      if (total.compareTo(BigDecimal.valueOf(g.min())) >= 0) {
        return g.grade();
      }
    }
    throw new IllegalStateException("no grade for " + total);
  }

  /** 100 × part / whole; {@code whenEmpty} decides 100 or 0 for an empty whole. */
  private static BigDecimal ratio(long part, long whole, boolean whenEmpty) {
    if (whole == 0) {
      return whenEmpty ? HUNDRED : BigDecimal.ZERO;
    }
    return HUNDRED
        .multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal oneMinus(long part, long whole, boolean delivered) {
    if (whole == 0) {
      return delivered ? HUNDRED : BigDecimal.ZERO;
    }
    return floor(HUNDRED.subtract(ratio(part, whole, delivered)));
  }

  private static BigDecimal floor(BigDecimal value) {
    return value.signum() < 0 ? BigDecimal.ZERO : value;
  }

  private static BigDecimal scale(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
