package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pairs of COMPLETED services whose half-open intervals overlap, joined in SQL on a condition
 * ({@code same} : the same bank and provider for A301, the same person key in another bank for
 * A307). A pair belongs to the period in which its later service starts; the earlier may start up
 * to a day before the period (a service lasts at most 480 minutes), so a pair across a month end is
 * found once.
 */
final class OverlapQuery {

  record Pair(ServiceRow a, ServiceRow b) {}

  private static final String COLUMNS =
      """
      a.bank_code as a_bank_code, a.service_ref as a_service_ref, a.provider_ref as a_provider_ref,
      a.provider_key as a_provider_key, a.recipient_ref as a_recipient_ref,
      a.start_at as a_start_at, a.end_at as a_end_at,
      b.bank_code as b_bank_code, b.service_ref as b_service_ref, b.provider_ref as b_provider_ref,
      b.provider_key as b_provider_key, b.recipient_ref as b_recipient_ref,
      b.start_at as b_start_at, b.end_at as b_end_at
      """;

  private OverlapQuery() {}

  static List<Pair> pairs(JdbcClient jdbc, String joinCondition, Period period) {
    ScoringWindow window = ScoringWindow.periodOnly(period);
    String sql =
        "select "
            + COLUMNS
            + " from services a join services b on "
            + joinCondition
            + " and b.start_at < a.end_at and a.start_at < b.end_at"
            + " where a.current_flag = 'Y' and b.current_flag = 'Y'"
            + " and a.status = 'COMPLETED' and b.status = 'COMPLETED'"
            + " and a.start_at >= :lookback and a.start_at < :to"
            + " and b.start_at >= :lookback and b.start_at < :to"
            + " and (a.start_at >= :from or b.start_at >= :from)"
            + " order by a.bank_code, a.provider_ref, a.service_ref, b.bank_code, b.service_ref";
    return jdbc.sql(sql)
        .param("lookback", window.from().minusDays(1))
        .param("from", window.from())
        .param("to", window.to())
        .query((rs, n) -> new Pair(ServiceRow.map(rs, "a_"), ServiceRow.map(rs, "b_")))
        .list();
  }
}
