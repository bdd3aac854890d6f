package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  static final String SQL =
      """
      select provider_ref as ref, count(rating) as ratings, coalesce(sum(rating), 0) as total
      from services
      where current_flag = 'Y' and status = 'COMPLETED' and rating is not null
        and bank_code = :bank and provider_ref in (:refs)
        and start_at >= :from and start_at < :to
      group by provider_ref
      """;

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
  String sql() {
    return SQL;
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(average(row.getLong("ratings"), row.getLong("total")));
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
