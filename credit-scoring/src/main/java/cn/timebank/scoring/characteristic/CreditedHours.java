package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code credited_hours}: standard hours credited to the provider for COMPLETED services that
 * started in the window (current versions only), {@code credited_minutes / 60} with two decimals.
 * None: 0.
 */
final class CreditedHours extends SqlCharacteristic {

  static final String SQL =
      """
      select provider_ref as ref, coalesce(sum(credited_minutes), 0) as minutes
      from services
      where current_flag = 'Y' and status = 'COMPLETED'
        and bank_code = :bank and provider_ref in (:refs)
        and start_at >= :from and start_at < :to
      group by provider_ref
      """;

  CreditedHours(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "credited_hours";
  }

  @Override
  public String definition() {
    return "standard hours credited for COMPLETED services started in the 12 months";
  }

  @Override
  String sql() {
    return SQL;
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(hours(row.getLong("minutes")));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(hours(0));
  }

  static BigDecimal hours(long minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }
}
