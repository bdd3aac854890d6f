package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code active_months}: the number of calendar months of the window in which the provider has a
 * COMPLETED service (by start). None: 0. The month key {@code year * 100 + month} is portable
 * ({@code extract} works on H2, PostgreSQL and Oracle).
 */
final class ActiveMonths extends SqlCharacteristic {

  static final String SQL =
      """
      select provider_ref as ref,
             count(distinct extract(year from start_at) * 100 + extract(month from start_at))
               as months
      from services
      where current_flag = 'Y' and status = 'COMPLETED'
        and bank_code = :bank and provider_ref in (:refs)
        and start_at >= :from and start_at < :to
      group by provider_ref
      """;

  ActiveMonths(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "active_months";
  }

  @Override
  public String definition() {
    return "months of the 12 with at least one COMPLETED service by the provider";
  }

  @Override
  String sql() {
    return SQL;
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong("months"));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
