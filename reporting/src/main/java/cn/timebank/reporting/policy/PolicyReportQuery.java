package cn.timebank.reporting.policy;

import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.overview.OverviewReportQuery;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queries of the policy report. Every figure is a GROUP BY (or a sum over one) in the database;
 * Java receives only the aggregated rows — a few dozen whatever the number of participants and
 * services. The region is the banks' registered region code (prefix); services and transfers count
 * by their own (Beijing local) times, the liability by when entries were posted (the ledger keeps
 * no business date). The liability at each period end is kept per bank ({@link LiabilityEnds}): the
 * report computes and stores what is missing or outdated, so it writes to {@code
 * rp_liability_ends}.
 */
public final class PolicyReportQuery {

  /** The longest range one report covers. */
  public static final int MAX_PERIODS = 60;

  /** Star levels by credited hours: 100, 300, 600, 1,000 and 1,500 hours (in minutes). */
  static final long[] STAR_MINUTES = {6_000, 18_000, 36_000, 60_000, 90_000};

  private static final String IN_REGION =
      " join banks b on b.bank_code = s.bank_code and b.region_code like :prefix";

  private static final String DONE =
      " s.current_flag = 'Y' and s.status = 'COMPLETED' and s.credited_minutes is not null";

  /**
   * A service's credited minutes as an integer: {@code numeric(9)} always fits, and PostgreSQL sums
   * integers into a 64-bit accumulator, a numeric column into an arbitrary-precision one (several
   * times slower over millions of rows, and slower still to pass between parallel workers). The
   * sums are the same.
   */
  private static final String MINUTES = "cast(s.credited_minutes as integer)";

  private static final String IN_RANGE = " and s.start_at >= :start and s.start_at < :end";

  private static final String BAND =
      "case when p.birth_date is null then 'UNKNOWN' when p.birth_date > :c30 then 'U30'"
          + " when p.birth_date > :c45 then 'A30' when p.birth_date > :c60 then 'A45'"
          + " when p.birth_date > :c70 then 'A60' when p.birth_date > :c80 then 'A70'"
          + " else 'A80' end";

  private static final String PERSON =
      "select coalesce(p.roles, 'UNKNOWN') as role, "
          + BAND
          + " as band, case when p.gender in ('M', 'F') then p.gender else 'U' end as gender";

  private static final String REGISTERED_ON =
      " (p.registered_on is null or p.registered_on <= :lastDay)";

  /** Registrations of the region's banks by role, band and gender. */
  private static final String PARTICIPANTS =
      "select x.role, x.band, x.gender, count(*) from ("
          + PERSON
          + " from participants p join banks b on b.bank_code = p.bank_code"
          + " and b.region_code like :prefix where"
          + REGISTERED_ON
          + ") x group by x.role, x.band, x.gender";

  /**
   * Of those, the ones who provided or received a completed service in the range, and per period
   * how many distinct (bank, ref) did, in one pass over the range's services: the provider side and
   * the recipient side (UNION ALL) grouped by (bank, ref) — one group per participant, whatever the
   * number of their services — with one flag per period ({@code %FLAGS%}: {@code max(case when the
   * service started in period k then 1 else 0 end)}, bounds {@code :p0}, {@code :p1}, …). The
   * groups are then looked up by the participants' key (left join: a ref that is no registered
   * participant still counts per period, as a distinct (bank, ref), but not as a registration) and
   * counted per role, band, gender and whether registered, with the flags summed ({@code %SUMS%}).
   * It replaces two statements that each made the (period,) bank, ref pairs distinct by sorting
   * every pair of the range.
   */
  private static final String ACTIVITY =
      "select x.role, x.band, x.gender, x.reg, count(*), %SUMS% from ("
          + PERSON
          + ", case when p.participant_ref is not null and"
          + REGISTERED_ON
          + " then 1 else 0 end as reg, g.*"
          + " from (select a.bank_code, a.ref, %FLAGS% from"
          + " (select s.bank_code, s.provider_ref as ref, s.start_at from services s"
          + IN_REGION
          + " where"
          + DONE
          + IN_RANGE
          + " union all select s.bank_code, s.recipient_ref, s.start_at from services s"
          + IN_REGION
          + " where"
          + DONE
          + IN_RANGE
          + ") a group by a.bank_code, a.ref) g left join participants p"
          + " on p.bank_code = g.bank_code and p.participant_ref = g.ref"
          + ") x group by x.role, x.band, x.gender, x.reg";

  private static final String CATEGORIES =
      "select coalesce(s.unified_category, 'UNMAPPED'), count(*), sum("
          + MINUTES
          + ")"
          + " from services s"
          + IN_REGION
          + " where"
          + DONE
          + IN_RANGE
          + " group by coalesce(s.unified_category, 'UNMAPPED')"
          + " order by sum("
          + MINUTES
          + ") desc, coalesce(s.unified_category, 'UNMAPPED')";

  private static final String FUNDING =
      "select extract(year from s.start_at), extract(month from s.start_at),"
          + " sum(case when s.funding = 'ISSUED' then "
          + MINUTES
          + " else 0 end),"
          + " sum(case when s.funding = 'BALANCE' then "
          + MINUTES
          + " else 0 end),"
          + " sum(case when s.funding = 'POOL' then "
          + MINUTES
          + " else 0 end),"
          + " sum("
          + MINUTES
          + ")"
          + " from services s"
          + IN_REGION
          + " where"
          + DONE
          + IN_RANGE
          + " group by extract(year from s.start_at), extract(month from s.start_at)";

  private static final String DONATIONS =
      "select extract(year from t.occurred_at), extract(month from t.occurred_at),"
          + " sum(t.standard_minutes) from transactions t"
          + " join banks b on b.bank_code = t.bank_code and b.region_code like :prefix"
          + " where t.current_flag = 'Y' and t.txn_type = 'DONATION'"
          + " and t.occurred_at >= :start and t.occurred_at < :end"
          + " group by extract(year from t.occurred_at), extract(month from t.occurred_at)";

  private static final String TRANSFERS =
      "select t.direction,"
          + " sum(case when t.matched_ref is null then 0 else 1 end),"
          + " sum(case when t.matched_ref is null then 0 else t.minutes end),"
          + " sum(case when t.matched_ref is null then 1 else 0 end),"
          + " sum(case when t.matched_ref is null then t.minutes else 0 end)"
          + " from transfer_items t"
          + " join banks b on b.bank_code = t.bank_code and b.region_code like :prefix"
          + " where t.reversed_flag = 'N' and t.occurred_at >= :start and t.occurred_at < :end"
          + " group by t.direction order by t.direction";

  private static final String STARS =
      "select y.star, count(*) from (select case when x.m >= :s5 then 5 when x.m >= :s4 then 4"
          + " when x.m >= :s3 then 3 when x.m >= :s2 then 2 when x.m >= :s1 then 1 else 0 end"
          + " as star from (select coalesce(s.provider_key, s.bank_code || '/' || s.provider_ref)"
          + " as volunteer, sum("
          + MINUTES
          + ") as m from services s"
          + IN_REGION
          + " where"
          + DONE
          + " and s.start_at < :end"
          + " group by coalesce(s.provider_key, s.bank_code || '/' || s.provider_ref)) x) y"
          + " group by y.star";

  private static final String GRADES =
      "select c.subject, c.grade, count(*) from cs_scores c"
          + " join banks b on b.bank_code = c.bank_code and b.region_code like :prefix"
          + " where c.score_period = :to group by c.subject, c.grade order by c.subject, c.grade";

  private static final String PSI =
      "select c.bank_code, c.card_version, c.base_period, c.base_count, c.actual_count, c.psi,"
          + " c.band from cs_psi c"
          + " join banks b on b.bank_code = c.bank_code and b.region_code like :prefix"
          + " where c.score_period = :to order by c.bank_code, c.card_version";

  private final JdbcClient jdbc;
  private final LiabilityEnds liabilityEnds;
  private final Map<String, Long> population60;

  /**
   * @param population60 region prefix → residents aged 60 and over (the denominator of the
   *     participation rate); a region not in it has no rate
   */
  public PolicyReportQuery(JdbcClient jdbc, Map<String, Long> population60) {
    this.jdbc = jdbc;
    this.liabilityEnds = new LiabilityEnds(jdbc);
    this.population60 = Map.copyOf(population60);
  }

  /**
   * The policy figures of a region over {@code from}..{@code to}.
   *
   * @throws IllegalArgumentException for a malformed prefix, a reversed range or one longer than
   *     {@link #MAX_PERIODS}
   */
  public Policy of(String region, YearMonth from, YearMonth to) {
    if (!OverviewReportQuery.validPrefix(region)) {
      throw new IllegalArgumentException("region must be 1 to 6 digits (was '" + region + "')");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    if (from.plusMonths(MAX_PERIODS).isBefore(to.plusMonths(1))) {
      throw new IllegalArgumentException("a range covers at most " + MAX_PERIODS + " periods");
    }
    String prefix = region + "%";
    LocalDateTime start = from.atDay(1).atStartOfDay();
    LocalDateTime end = to.plusMonths(1).atDay(1).atStartOfDay();
    LocalDate lastDay = to.atEndOfMonth();

    Map<String, Long> active = new HashMap<>();
    long[] activePerPeriod = activity(prefix, from, to, lastDay, active);
    List<Policy.ParticipantCount> participants =
        participants(PARTICIPANTS, prefix, start, end, lastDay)
            .query(
                (rs, n) ->
                    new Policy.ParticipantCount(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        active.getOrDefault(
                            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), 0L)))
            .list();
    List<Policy.CategoryHours> categories =
        inRange(CATEGORIES, prefix, start, end)
            .query(
                (rs, n) -> new Policy.CategoryHours(rs.getString(1), rs.getLong(2), rs.getLong(3)))
            .list();

    Map<String, long[]> funding = new HashMap<>();
    inRange(FUNDING, prefix, start, end)
        .query(
            (RowCallbackHandler)
                rs -> {
                  funding.put(
                      month(rs.getInt(1), rs.getInt(2)),
                      new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                });
    Map<String, Long> donations = new HashMap<>();
    inRange(DONATIONS, prefix, start, end)
        .query(
            (RowCallbackHandler)
                rs -> donations.put(month(rs.getInt(1), rs.getInt(2)), rs.getLong(3)));
    // index 0: the opening liability (the month before the range), then one per period
    long[] liability = liability(prefix, from.minusMonths(1), to);
    List<Policy.Flow> flows = new ArrayList<>();
    List<Policy.TrendPoint> trend = new ArrayList<>();
    int i = 0;
    for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1), i++) {
      String key = p.toString();
      long[] f = funding.getOrDefault(key, new long[4]);
      flows.add(
          new Policy.Flow(
              key, f[0], f[1], f[2], donations.getOrDefault(key, 0L), liability[i + 1]));
      trend.add(new Policy.TrendPoint(key, activePerPeriod[i], f[3]));
    }

    List<Policy.TransferCount> transfers =
        inRange(TRANSFERS, prefix, start, end)
            .query(
                (rs, n) ->
                    new Policy.TransferCount(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5)))
            .list();
    Map<Integer, Long> starCounts = new HashMap<>();
    jdbc.sql(STARS)
        .param("prefix", prefix)
        .param("end", end)
        .param("s1", STAR_MINUTES[0])
        .param("s2", STAR_MINUTES[1])
        .param("s3", STAR_MINUTES[2])
        .param("s4", STAR_MINUTES[3])
        .param("s5", STAR_MINUTES[4])
        .query((RowCallbackHandler) rs -> starCounts.put(rs.getInt(1), rs.getLong(2)));
    List<Policy.StarCount> stars = new ArrayList<>();
    for (int level = 0; level <= STAR_MINUTES.length; level++) {
      stars.add(new Policy.StarCount(level, starCounts.getOrDefault(level, 0L)));
    }
    List<Policy.GradeCount> grades =
        jdbc.sql(GRADES)
            .param("prefix", prefix)
            .param("to", to.toString())
            .query(
                (rs, n) -> new Policy.GradeCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
            .list();
    List<Policy.PsiLine> psi =
        jdbc.sql(PSI)
            .param("prefix", prefix)
            .param("to", to.toString())
            .query(
                (rs, n) ->
                    new Policy.PsiLine(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6),
                        rs.getString(7)))
            .list();
    return new Policy(
        region,
        from.toString(),
        to.toString(),
        participants,
        categories,
        flows,
        liability[0],
        transfers,
        stars,
        grades,
        psi,
        trend,
        population60.get(region));
  }

  private JdbcClient.StatementSpec participants(
      String sql, String prefix, LocalDateTime start, LocalDateTime end, LocalDate lastDay) {
    return inRange(sql, prefix, start, end)
        .param("lastDay", lastDay)
        .param("c30", lastDay.minusYears(30))
        .param("c45", lastDay.minusYears(45))
        .param("c60", lastDay.minusYears(60))
        .param("c70", lastDay.minusYears(70))
        .param("c80", lastDay.minusYears(80));
  }

  private JdbcClient.StatementSpec inRange(
      String sql, String prefix, LocalDateTime start, LocalDateTime end) {
    return jdbc.sql(sql).param("prefix", prefix).param("start", start).param("end", end);
  }

  /**
   * The active participants of the range ({@link #ACTIVITY}): puts the registered ones per
   * "role|band|gender" into {@code active} and returns per period, from {@code from} to {@code to},
   * the distinct (bank, ref) active in it.
   */
  private long[] activity(
      String prefix, YearMonth from, YearMonth to, LocalDate lastDay, Map<String, Long> active) {
    StringBuilder flags = new StringBuilder();
    StringBuilder sums = new StringBuilder();
    int periods = 0;
    for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1)) {
      String sep = periods == 0 ? "" : ", ";
      flags.append(sep).append("max(case when a.start_at >= :p").append(periods);
      flags.append(" and a.start_at < :p").append(periods + 1);
      flags.append(" then 1 else 0 end) as a").append(periods);
      sums.append(sep).append("sum(x.a").append(periods).append(')');
      periods++;
    }
    JdbcClient.StatementSpec spec =
        participants(
            ACTIVITY.replace("%FLAGS%", flags.toString()).replace("%SUMS%", sums.toString()),
            prefix,
            from.atDay(1).atStartOfDay(),
            to.plusMonths(1).atDay(1).atStartOfDay(),
            lastDay);
    for (int n = 0; n <= periods; n++) {
      spec = spec.param("p" + n, from.plusMonths(n).atDay(1).atStartOfDay());
    }
    long[] perPeriod = new long[periods];
    spec.query(
        (RowCallbackHandler)
            rs -> {
              if (rs.getInt(4) == 1) {
                active.merge(
                    rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                    rs.getLong(5),
                    Long::sum);
              }
              for (int n = 0; n < perPeriod.length; n++) {
                perPeriod[n] += rs.getLong(6 + n);
              }
            });
    return perPeriod;
  }

  /**
   * Σ positive participant balances over the entries posted before each period's end (Beijing), for
   * every period from {@code first} to {@code last}, in that order: the stored figures per bank and
   * end where current, the others computed and stored ({@link LiabilityEnds}).
   */
  private long[] liability(String prefix, YearMonth first, YearMonth last) {
    List<LocalDateTime> ends = new ArrayList<>();
    for (YearMonth p = first; !p.isAfter(last); p = p.plusMonths(1)) {
      ends.add(endUtc(p));
    }
    return liabilityEnds.at(prefix, ends);
  }

  /** The end of a period (Beijing midnight) as the UTC time the ledger posts in. */
  private static LocalDateTime endUtc(YearMonth period) {
    return period
        .plusMonths(1)
        .atDay(1)
        .atStartOfDay(ReportRenderer.ZONE)
        .withZoneSameInstant(ZoneOffset.UTC)
        .toLocalDateTime();
  }

  private static String month(int year, int month) {
    return YearMonth.of(year, month).toString();
  }
}
