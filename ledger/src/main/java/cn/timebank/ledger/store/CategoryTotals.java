package cn.timebank.ledger.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model: a bank's current completed services per unified category, with their weighted
 * (standard) minutes and the minutes credited after the daily cap when they were accepted.
 */
public final class CategoryTotals {

  /** One unified category's services and minutes. */
  public record CategoryTotal(
      String category, long services, long weightedMinutes, long creditedMinutes) {}

  private final JdbcClient jdbc;

  public CategoryTotals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The bank's categories, by code. */
  public List<CategoryTotal> ofBank(String bank) {
    return jdbc.sql(
            """
            select unified_category, count(*) as services,
                   coalesce(sum(weighted_minutes), 0) as weighted,
                   coalesce(sum(credited_minutes), 0) as credited
              from services
             where bank_code = ? and current_flag = 'Y' and status = 'COMPLETED'
               and unified_category is not null
             group by unified_category
             order by unified_category
            """)
        .param(bank)
        .query(
            (rs, n) ->
                new CategoryTotal(
                    rs.getString("unified_category"),
                    rs.getLong("services"),
                    rs.getLong("weighted"),
                    rs.getLong("credited")))
        .list();
  }
}
