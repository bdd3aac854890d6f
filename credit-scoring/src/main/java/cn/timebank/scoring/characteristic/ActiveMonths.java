package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code active_months}: the number of calendar months of the window in which the provider has a
 * COMPLETED service (by start). None: 0. The month key {@code year * 100 + month} is portable
 * ({@code extract} works on H2, PostgreSQL and Oracle).
 */
final class ActiveMonths extends SqlCharacteristic {

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
  Source source() {
    return Source.PROVIDED;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(
        "am_months",
        "count(distinct case when status = 'COMPLETED' then extract(year from start_at) * 100 + extract(month from start_at) end)");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong("am_months"));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
