package cn.timebank.reporting.overview;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query of the regional overview: one statement, every figure aggregated by the database —
 * packages and late packages counted per bank and period, open transfer items counted and summed,
 * findings counted, the newest rating version joined — for the banks whose region code starts with
 * the prefix, ranked by rating.
 */
public final class OverviewReportQuery {

  private static final Pattern PREFIX = Pattern.compile("\\d{1,6}");

  private static final String BANKS =
      "select b.bank_code, b.name, b.region_code, r.total_score, r.grade, r.days_late,"
          + " r.records_read, r.records_rejected,"
          + " (select count(*) from packages p where p.bank_code = b.bank_code"
          + "   and p.report_month = :period and p.status <> 'RJCT') as pkgs,"
          + " (select count(*) from packages p where p.bank_code = b.bank_code"
          + "   and p.report_month = :period and p.status <> 'RJCT' and p.late = 'Y') as late_pkgs,"
          + " (select count(*) from transfer_items t where t.bank_code = b.bank_code"
          + "   and t.matched_ref is null and t.reversed_flag = 'N' and t.occurred_at < :end)"
          + "   as open_items,"
          + " (select coalesce(sum(t.minutes), 0) from transfer_items t where t.bank_code ="
          + "   b.bank_code and t.matched_ref is null and t.reversed_flag = 'N'"
          + "   and t.occurred_at < :end) as open_minutes,"
          + " (select count(*) from cs_findings f where f.bank_code = b.bank_code"
          + "   and f.score_period = :period) as findings"
          + " from banks b left join cs_bank_ratings r on r.bank_code = b.bank_code"
          + "   and r.score_period = :period and r.rating_version = (select max(r2.rating_version)"
          + "   from cs_bank_ratings r2 where r2.bank_code = b.bank_code"
          + "   and r2.score_period = :period)"
          + " where b.region_code like :prefix"
          + " order by case when r.total_score is null then 1 else 0 end, r.total_score desc,"
          + " b.bank_code";

  private final JdbcClient jdbc;

  public OverviewReportQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a region prefix is well formed: 1 to 6 digits. */
  public static boolean validPrefix(String region) {
    return PREFIX.matcher(region).matches();
  }

  /** How many banks are registered in a region (prefix of 1–6 digits). */
  public long bankCount(String region) {
    if (!validPrefix(region)) {
      throw new IllegalArgumentException("region must be 1 to 6 digits (was '" + region + "')");
    }
    return jdbc.sql("select count(*) from banks where region_code like :prefix")
        .param("prefix", region + "%")
        .query(Long.class)
        .single();
  }

  /**
   * The overview of the banks in a region; no banks when none is registered there.
   *
   * @throws IllegalArgumentException when the prefix is not 1–6 digits
   */
  public Overview of(String region, YearMonth period) {
    if (!validPrefix(region)) {
      throw new IllegalArgumentException("region must be 1 to 6 digits (was '" + region + "')");
    }
    // transfer items carry the record's local (Beijing) time, like services
    LocalDateTime end = period.plusMonths(1).atDay(1).atStartOfDay();
    List<Overview.BankLine> banks =
        jdbc.sql(BANKS)
            .param("period", period.toString())
            .param("end", end)
            .param("prefix", region + "%")
            .query(OverviewReportQuery::line)
            .list();
    return new Overview(region, period.toString(), banks);
  }

  private static Overview.BankLine line(ResultSet rs, int n) throws SQLException {
    BigDecimal rating = rs.getBigDecimal(4);
    return new Overview.BankLine(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rating,
        rs.getString(5),
        rs.getLong(9),
        rs.getLong(10),
        nullableLong(rs, 6),
        nullableLong(rs, 7),
        nullableLong(rs, 8),
        rs.getLong(11),
        rs.getLong(12),
        rs.getLong(13));
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
