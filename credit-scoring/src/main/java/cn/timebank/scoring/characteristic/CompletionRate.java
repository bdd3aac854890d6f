package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code completion_rate}: COMPLETED / (COMPLETED + CANCELLED + NO_SHOW_PROVIDER) of the provider's
 * services started in the window, four decimals, half-up. A recipient's no-show and a dispute do
 * not count against the provider. Missing when there is no such service.
 */
final class CompletionRate extends SqlCharacteristic {

  static final String SQL =
      """
      select provider_ref as ref,
             sum(case when status = 'COMPLETED' then 1 else 0 end) as completed,
             count(*) as settled
      from services
      where current_flag = 'Y' and status in ('COMPLETED', 'CANCELLED', 'NO_SHOW_PROVIDER')
        and bank_code = :bank and provider_ref in (:refs)
        and start_at >= :from and start_at < :to
      group by provider_ref
      """;

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
  String sql() {
    return SQL;
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(
        BigDecimal.valueOf(row.getLong("completed"))
            .divide(BigDecimal.valueOf(row.getLong("settled")), 4, RoundingMode.HALF_UP));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.missing();
  }
}
