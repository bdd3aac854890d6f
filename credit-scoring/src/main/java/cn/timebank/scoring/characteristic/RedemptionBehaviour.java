package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code redemption_behaviour} (a category): how the recipient redeems hours from their own balance
 * — COMPLETED services with funding {@code BALANCE} received in the window, by the number of
 * calendar months with one: {@code NONE} (no redemption), {@code OCCASIONAL} (1 or 2 months),
 * {@code REGULAR} ({@value #REGULAR_MONTHS} or more months).
 */
final class RedemptionBehaviour extends SqlCharacteristic {

  static final int REGULAR_MONTHS = 3;

  RedemptionBehaviour(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "redemption_behaviour";
  }

  @Override
  public String definition() {
    return "NONE / OCCASIONAL (1-2 months) / REGULAR (3+ months) with a BALANCE redemption";
  }

  @Override
  public boolean numeric() {
    return false;
  }

  @Override
  Source source() {
    return Source.RECEIVED;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(
        "rb_months",
        "count(distinct case when status = 'COMPLETED' and funding = 'BALANCE' then extract(year from start_at) * 100 + extract(month from start_at) end)");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    long months = row.getLong("rb_months");
    return CharacteristicValue.category(
        months >= REGULAR_MONTHS ? "REGULAR" : months > 0 ? "OCCASIONAL" : "NONE");
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.category("NONE");
  }
}
