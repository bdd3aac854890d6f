package cn.timebank.scoring.rating;

import java.math.BigDecimal;

/**
 * A bank's compliance rating for one period: each criterion 0–100 (two decimals), the weighted
 * total and the grade, with the figures they came from.
 */
public record BankRating(
    String period,
    String rulesVersion,
    String bank,
    BigDecimal punctuality,
    BigDecimal completeness,
    BigDecimal accuracy,
    BigDecimal stability,
    BigDecimal plausibility,
    BigDecimal total,
    String grade,
    RatingInputs inputs) {}
