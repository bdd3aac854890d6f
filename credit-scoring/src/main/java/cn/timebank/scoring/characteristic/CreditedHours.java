package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code credited_hours}: standard hours credited to the provider for COMPLETED services that
 * started in the window (current versions only), {@code credited_minutes / 60} with two decimals.
 * None: 0.
 */
final class CreditedHours extends SqlCharacteristic {

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
  Source source() {
    return Source.PROVIDED;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(
        "ch_minutes",
        "coalesce(sum(case when status = 'COMPLETED' then credited_minutes else 0 end), 0)");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(hours(row.getLong("ch_minutes")));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(hours(0));
  }

  static BigDecimal hours(long minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }
}
