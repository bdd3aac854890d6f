package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code completion_rate}: COMPLETED / (COMPLETED + CANCELLED + NO_SHOW_PROVIDER) of the provider's
 * services started in the window, four decimals, half-up. A recipient's no-show and a dispute do
 * not count against the provider. Missing when there is no such service.
 */
final class CompletionRate extends SqlCharacteristic {

  CompletionRate(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "completion_rate";
  }

  @Override
  public String definition() {
    return "COMPLETED / (COMPLETED + CANCELLED + NO_SHOW_PROVIDER) of the provider's services";
  }

  @Override
  Source source() {
    return Source.PROVIDED;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(
        "cr_completed",
        "sum(case when status = 'COMPLETED' then 1 else 0 end)",
        "cr_settled",
        "sum(case when status in ('COMPLETED', 'CANCELLED', 'NO_SHOW_PROVIDER') then 1 else 0 end)");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    long settled = row.getLong("cr_settled");
    if (settled == 0) { // only recipient no-shows or disputes: none of them settled
      return absent();
    }
    return CharacteristicValue.of(
        BigDecimal.valueOf(row.getLong("cr_completed"))
            .divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.missing();
  }
}
