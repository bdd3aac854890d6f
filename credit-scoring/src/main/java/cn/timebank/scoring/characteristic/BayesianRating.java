package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code rating_bayes}: the recipients' ratings (1–5) of the provider's COMPLETED services in the
 * window, as a Bayesian average {@code (PRIOR × WEIGHT + Σ ratings) / (WEIGHT + n)} with prior 4.0
 * and weight 5, four decimals, half-up: a provider with few ratings stays near the prior. No
 * rating: the prior.
 */
final class BayesianRating extends SqlCharacteristic {

  static final BigDecimal PRIOR = new BigDecimal("4.0");
  static final long WEIGHT = 5;

  BayesianRating(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "rating_bayes";
  }

  @Override
  public String definition() {
    return "Bayesian average rating (prior 4.0, weight 5) of COMPLETED services";
  }

  @Override
  Source source() {
    return Source.PROVIDED;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(
        "br_ratings",
        "count(case when status = 'COMPLETED' then rating end)",
        "br_total",
        "coalesce(sum(case when status = 'COMPLETED' then rating end), 0)");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(average(row.getLong("br_ratings"), row.getLong("br_total")));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(average(0, 0));
  }

  static BigDecimal average(long ratings, long total) {
    return PRIOR
        .multiply(BigDecimal.valueOf(WEIGHT))
        .add(BigDecimal.valueOf(total))
        .divide(BigDecimal.valueOf(WEIGHT + ratings), 4, RoundingMode.HALF_UP);
  }
}
