package cn.timebank.reporting.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.reporting.support.ReportDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The policy report's one-pass statements against the statements they replaced, on a seeded random
 * region: services before, in and after the range, of every status, superseded versions, refs that
 * are no registered participant, no recipient, no credited minutes, participants registered after
 * the range, ledger entries of both signs around the period ends. The active participants per
 * role/band/gender and per period must equal the former two {@code UNION} statements (kept here as
 * written before), the minutes and the liability the same sums over the numeric columns without the
 * integer cast.
 */
@TestInstance(Lifecycle.PER_CLASS)
class PolicyActivityTests {

  private static final YearMonth FROM = YearMonth.of(2026, 3);
  private static final YearMonth TO = YearMonth.of(2026, 10);
  private static final String[] BANKS = {"310104-001", "310115-002", "110105-001"};
  private static final String[] ROLES = {"PROVIDER", "RECIPIENT", "BOTH", null};

  private static final String REGION =
      " join banks b on b.bank_code = s.bank_code and b.region_code like '31%'";
  private static final String DONE =
      " s.current_flag = 'Y' and s.status = 'COMPLETED' and s.credited_minutes is not null";
  private static final String IN_RANGE = " and s.start_at >= :start and s.start_at < :end";
  private static final String BAND =
      "case when p.birth_date is null then 'UNKNOWN' when p.birth_date > :c30 then 'U30'"
          + " when p.birth_date > :c45 then 'A30' when p.birth_date > :c60 then 'A45'"
          + " when p.birth_date > :c70 then 'A60' when p.birth_date > :c80 then 'A70'"
          + " else 'A80' end";

  /** The former statement of the active participants (before the one-pass statement). */
  private static final String FORMER_ACTIVE =
      "select x.role, x.band, x.gender, count(*) from (select coalesce(p.roles, 'UNKNOWN') as"
          + " role, "
          + BAND
          + " as band, case when p.gender in ('M', 'F') then p.gender else 'U' end as gender"
          + " from (select s.bank_code, s.provider_ref as ref from services s"
          + REGION
          + " where"
          + DONE
          + IN_RANGE
          + " union select s.bank_code, s.recipient_ref from services s"
          + REGION
          + " where"
          + DONE
          + IN_RANGE
          + ") a join participants p on p.bank_code = a.bank_code"
          + " and p.participant_ref = a.ref where"
          + " (p.registered_on is null or p.registered_on <= :lastDay)"
          + ") x group by x.role, x.band, x.gender";

  /** The former statement of the active participants per period. */
  private static final String FORMER_ACTIVE_PER_PERIOD =
      "select a.y, a.m, count(*) from (select extract(year from s.start_at) as y,"
          + " extract(month from s.start_at) as m, s.bank_code, s.provider_ref as ref"
          + " from services s"
          + REGION
          + " where"
          + DONE
          + IN_RANGE
          + " union select extract(year from s.start_at), extract(month from s.start_at),"
          + " s.bank_code, s.recipient_ref from services s"
          + REGION
          + " where"
          + DONE
          + IN_RANGE
          + ") a group by a.y, a.m";

  private ReportDatabase db;
  private Policy policy;

  /** H2 here; the PostgreSQL integration test runs the same on the real database. */
  ReportDatabase newDatabase() {
    return new ReportDatabase();
  }

  @AfterAll
  void close() {
    db.close();
  }

  @BeforeAll
  void fixture() {
    db = newDatabase();
    Random random = new Random(20261126);
    for (String bank : BANKS) {
      db.bank(bank, "银行 " + bank, bank.substring(0, 6));
      for (int i = 0; i < 40; i++) {
        db.participant(
            bank,
            "P" + i,
            "110***",
            random.nextInt(10) == 0 ? null : random.nextBoolean() ? "M" : "F",
            random.nextInt(15) == 0
                ? null
                : LocalDate.of(1935, 1, 1).plusDays(random.nextInt(25_000)).toString(),
            ROLES[random.nextInt(ROLES.length)],
            random.nextInt(8) == 0 ? "2026-11-15" : "2024-01-01");
      }
    }
    String[] statuses = {"COMPLETED", "COMPLETED", "COMPLETED", "CANCELLED", "DISPUTED"};
    String[] fundings = {"ISSUED", "ISSUED", "BALANCE", "POOL", null};
    String[] categories = {"CARE_BASIC", "COMPANION", "MEDICAL_ESCORT", null};
    LocalDateTime first = LocalDateTime.of(2025, 12, 1, 0, 0);
    for (int n = 0; n < 900; n++) {
      String bank = BANKS[random.nextInt(BANKS.length)];
      // a few refs that no participant has (X…), a few services without a recipient
      String provider = (random.nextInt(20) == 0 ? "X" : "P") + random.nextInt(40);
      String recipient = random.nextInt(15) == 0 ? null : "P" + random.nextInt(45);
      // from 2025-12 to 2026-12, some exactly on a month's first minute
      LocalDateTime start =
          random.nextInt(10) == 0
              ? first.plusMonths(random.nextInt(13))
              : first.plusMinutes(random.nextInt(13 * 31 * 24 * 60));
      Integer minutes = random.nextInt(25) == 0 ? null : 15 + random.nextInt(480);
      int versions = random.nextInt(12) == 0 ? 2 : 1;
      for (int v = 1; v <= versions; v++) {
        db.jdbc
            .sql(
                "insert into services (bank_code, service_ref, source_id, current_flag,"
                    + " provider_ref, provider_key, recipient_ref, unified_category, start_at,"
                    + " status, funding, credited_minutes, received_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
            .params(
                bank,
                "S" + n,
                "src" + v,
                v == versions ? "Y" : "N",
                provider,
                random.nextInt(3) == 0 ? null : ("k" + provider.substring(1)).repeat(16),
                recipient,
                categories[random.nextInt(categories.length)],
                v == versions ? start : start.minusMonths(1),
                statuses[random.nextInt(statuses.length)],
                fundings[random.nextInt(fundings.length)],
                minutes)
            .update();
      }
    }
    for (int n = 0; n < 600; n++) {
      String bank = BANKS[random.nextInt(BANKS.length)];
      // around the period ends: 16:00 UTC on the last day of a month is Beijing midnight
      LocalDateTime posted =
          LocalDateTime.of(2026, 1, 31, 16, 0)
              .plusMonths(random.nextInt(11))
              .plusMinutes(
                  random.nextInt(3) == 0 ? -1 + random.nextInt(2) : random.nextInt(40_000));
      db.entry(
          bank,
          "PARTICIPANT",
          "P" + random.nextInt(40),
          (random.nextInt(3) == 0 ? -1 : 1) * (1 + random.nextInt(600)),
          "SERVICE",
          "E" + n,
          posted);
    }
    policy = new PolicyReportQuery(db.jdbc, Map.of()).of("31", FROM, TO);
  }

  @Test
  void activeParticipantsEqualTheFormerUnionStatements() {
    Map<String, Long> former = new HashMap<>();
    LocalDate lastDay = TO.atEndOfMonth();
    db.jdbc
        .sql(FORMER_ACTIVE)
        .param("start", FROM.atDay(1).atStartOfDay())
        .param("end", TO.plusMonths(1).atDay(1).atStartOfDay())
        .param("lastDay", lastDay)
        .param("c30", lastDay.minusYears(30))
        .param("c45", lastDay.minusYears(45))
        .param("c60", lastDay.minusYears(60))
        .param("c70", lastDay.minusYears(70))
        .param("c80", lastDay.minusYears(80))
        .query(
            (RowCallbackHandler)
                rs ->
                    former.put(
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                        rs.getLong(4)));
    Map<String, Long> found = new HashMap<>();
    for (Policy.ParticipantCount c : policy.participants()) {
      if (c.active() > 0) {
        found.put(c.role() + "|" + c.band() + "|" + c.gender(), c.active());
      }
    }
    assertThat(found).isEqualTo(former);
    assertThat(former.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(50);

    Map<String, Long> formerPerPeriod = new HashMap<>();
    db.jdbc
        .sql(FORMER_ACTIVE_PER_PERIOD)
        .param("start", FROM.atDay(1).atStartOfDay())
        .param("end", TO.plusMonths(1).atDay(1).atStartOfDay())
        .query(
            (RowCallbackHandler)
                rs ->
                    formerPerPeriod.put(
                        YearMonth.of(rs.getInt(1), rs.getInt(2)).toString(), rs.getLong(3)));
    assertThat(policy.trend()).hasSize(8);
    for (Policy.TrendPoint t : policy.trend()) {
      assertThat(t.active()).as(t.period()).isEqualTo(formerPerPeriod.getOrDefault(t.period(), 0L));
      assertThat(t.active()).as(t.period()).isPositive();
    }
  }

  @Test
  void minutesAndLiabilityEqualTheNumericSums() {
    for (int i = 0; i < policy.flows().size(); i++) {
      Policy.Flow f = policy.flows().get(i);
      YearMonth p = YearMonth.parse(f.period());
      String month =
          " and s.start_at >= TIMESTAMP '"
              + p.atDay(1)
              + " 00:00:00' and s.start_at < TIMESTAMP '"
              + p.plusMonths(1).atDay(1)
              + " 00:00:00'";
      assertThat(f.issued()).isEqualTo(minutes(" and s.funding = 'ISSUED'" + month));
      assertThat(f.redeemed()).isEqualTo(minutes(" and s.funding = 'BALANCE'" + month));
      assertThat(f.fromPool()).isEqualTo(minutes(" and s.funding = 'POOL'" + month));
      assertThat(policy.trend().get(i).minutes()).isEqualTo(minutes(month));
      assertThat(f.liabilityEnd()).as(f.period()).isEqualTo(liability(p));
    }
    assertThat(policy.liabilityBefore()).isEqualTo(liability(FROM.minusMonths(1)));
    assertThat(policy.flows().get(7).liabilityEnd()).isPositive();
    for (Policy.CategoryHours c : policy.categories()) {
      String category =
          c.category().equals("UNMAPPED")
              ? " and s.unified_category is null"
              : " and s.unified_category = '" + c.category() + "'";
      assertThat(c.minutes())
          .isEqualTo(
              minutes(
                  category
                      + " and s.start_at >= TIMESTAMP '2026-03-01 00:00:00'"
                      + " and s.start_at < TIMESTAMP '2026-11-01 00:00:00'"));
    }
    long[] bounds = {0, 6_000, 18_000, 36_000, 60_000, 90_000, Long.MAX_VALUE};
    long volunteers = 0;
    for (Policy.StarCount s : policy.stars()) {
      assertThat(s.volunteers())
          .as("star " + s.level())
          .isEqualTo(
              db.jdbc
                  .sql(
                      "select count(*) from (select sum(s.credited_minutes) m from services s"
                          + REGION
                          + " where"
                          + DONE
                          + " and s.start_at < TIMESTAMP '2026-11-01 00:00:00'"
                          + " group by coalesce(s.provider_key, s.bank_code || '/' ||"
                          + " s.provider_ref)) x where x.m >= ? and x.m < ?")
                  .params(bounds[s.level()], bounds[s.level() + 1])
                  .query(Long.class)
                  .single());
      volunteers += s.volunteers();
    }
    assertThat(volunteers).isGreaterThan(20);
  }

  private long minutes(String where) {
    return db.jdbc
        .sql(
            "select coalesce(sum(s.credited_minutes), 0) from services s"
                + REGION
                + " where"
                + DONE
                + where)
        .query(Long.class)
        .single();
  }

  /** Σ positive balances at the period's end (Beijing midnight = 16:00 UTC the day before). */
  private long liability(YearMonth period) {
    return db.jdbc
        .sql(
            "select coalesce(sum(x), 0) from (select sum(e.amount_minutes) x from ledger_entries e"
                + " join banks b on b.bank_code = e.bank_code where b.region_code like '31%'"
                + " and e.account_kind = 'PARTICIPANT' and e.posted_at < ?"
                + " group by e.bank_code, e.participant_ref having sum(e.amount_minutes) > 0) y")
        .param(period.plusMonths(1).atDay(1).atStartOfDay().minusHours(8))
        .query(Long.class)
        .single();
  }
}
