package cn.timebank.reporting.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.reporting.support.ReportDatabase;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The liability the policy report keeps per bank and period end ({@code rp_liability_ends}): the
 * report from stored figures equals the liability computed from the entries, the stored figures are
 * what a second report reads, and an entry posted before a stored end — new data for an already
 * summarised period — makes the next report compute that bank's figures again.
 */
class LiabilityEndsTests {

  private static final String A = "310104-001";
  private static final String B = "310115-002";
  private static final String C = "310101-003";
  private static final String ELSEWHERE = "110105-001";
  private static final YearMonth FROM = YearMonth.of(2026, 8);
  private static final YearMonth TO = YearMonth.of(2026, 10);

  private ReportDatabase db;
  private PolicyReportQuery query;

  /** H2 here; the PostgreSQL integration test runs the same on the real database. */
  ReportDatabase newDatabase() {
    return new ReportDatabase();
  }

  @BeforeEach
  void open() {
    db = newDatabase();
    query = new PolicyReportQuery(db.jdbc, Map.of());
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** 16:00 UTC on the last day of the month: Beijing midnight, the period's end. */
  private static LocalDateTime end(YearMonth period) {
    return period.atEndOfMonth().atTime(16, 0);
  }

  private void fixture() {
    db.bank(A, "徐汇区时间银行", "310104");
    db.bank(B, "浦东新区时间银行", "310115");
    db.bank(C, "黄浦区时间银行", "310101"); // no entries at all
    db.bank(ELSEWHERE, "朝阳区时间银行", "110105");
    db.entry(A, "PARTICIPANT", "P1", 300, "SERVICE", "S1", LocalDateTime.of(2026, 6, 3, 2, 0));
    db.entry(A, "PARTICIPANT", "P1", -120, "SERVICE", "S2", end(YearMonth.of(2026, 8)));
    db.entry(A, "PARTICIPANT", "P2", -40, "SERVICE", "S3", LocalDateTime.of(2026, 8, 9, 2, 0));
    db.entry(A, "POOL", null, 500, "SERVICE", "S4", LocalDateTime.of(2026, 8, 9, 2, 0));
    db.entry(
        B, "PARTICIPANT", "Q1", 90, "SERVICE", "S5", end(YearMonth.of(2026, 9)).minusNanos(1000));
    db.entry(B, "PARTICIPANT", "Q2", 60, "SERVICE", "S6", LocalDateTime.of(2026, 10, 20, 2, 0));
    db.entry(
        ELSEWHERE, "PARTICIPANT", "E1", 999, "SERVICE", "S7", LocalDateTime.of(2026, 7, 1, 0, 0));
  }

  /** The liability at each end (opening end first) straight from the entries. */
  private List<Long> fromEntries() {
    List<Long> figures = new ArrayList<>();
    for (YearMonth p = FROM.minusMonths(1); !p.isAfter(TO); p = p.plusMonths(1)) {
      figures.add(
          db.jdbc
              .sql(
                  "select coalesce(sum(x), 0) from (select sum(e.amount_minutes) x from"
                      + " ledger_entries e join banks b on b.bank_code = e.bank_code where"
                      + " b.region_code like '31%' and e.account_kind = 'PARTICIPANT' and"
                      + " e.posted_at < ? group by e.bank_code, e.participant_ref"
                      + " having sum(e.amount_minutes) > 0) y")
              .param(end(p))
              .query(Long.class)
              .single());
    }
    return figures;
  }

  private List<Long> report() {
    Policy policy = query.of("31", FROM, TO);
    List<Long> figures = new ArrayList<>();
    figures.add(policy.liabilityBefore());
    policy.flows().forEach(f -> figures.add(f.liabilityEnd()));
    return figures;
  }

  private long stored(String bank, YearMonth period) {
    return db.jdbc
        .sql("select liability from rp_liability_ends where bank_code = ? and period_end = ?")
        .params(bank, end(period))
        .query(Long.class)
        .single();
  }

  private void store(String bank, YearMonth period, long liability) {
    db.jdbc
        .sql("update rp_liability_ends set liability = ? where bank_code = ? and period_end = ?")
        .params(liability, bank, end(period))
        .update();
  }

  @Test
  void aRegionOfMoreBanksThanOneStatementTakesIsComputedInSeveralPasses() {
    int banks = LiabilityEnds.BANKS_PER_PASS + 20;
    for (int n = 0; n < banks; n++) {
      String bank = String.format("310104-%03d", n);
      db.bank(bank, "时间银行 " + n, "310104");
      db.entry(
          bank,
          "PARTICIPANT",
          "P" + n,
          10 + n,
          "SERVICE",
          "S" + n,
          LocalDateTime.of(2026, 8, 9, 2, 0));
    }

    assertThat(report()).isEqualTo(fromEntries());
    assertThat(stored(String.format("310104-%03d", banks - 1), TO)).isEqualTo(10 + banks - 1);
    assertThat(stored("310104-000", TO)).isEqualTo(10);
  }

  @Test
  void storedFiguresEqualTheEntriesAndAreComputedAgainWhenAnEntryArrivesBeforeAnEnd() {
    fixture();
    assertThat(fromEntries()).containsExactly(300L, 300L, 270L, 330L);
    assertThat(report()).isEqualTo(fromEntries());
    // one row per bank of the region (C with no entries too) and end; none of the other region
    assertThat(db.jdbc.sql("select count(*) from rp_liability_ends").query(Long.class).single())
        .isEqualTo(3 * 4);
    assertThat(stored(A, TO)).isEqualTo(180);
    assertThat(stored(B, YearMonth.of(2026, 9))).isEqualTo(90);
    assertThat(stored(C, TO)).isZero();

    // a second report reads the stored figures: an altered one shows
    store(A, TO, 1_000);
    assertThat(report()).containsExactly(300L, 300L, 270L, 1_150L);

    // an entry posted after every end leaves them current
    db.entry(A, "PARTICIPANT", "P2", 45, "SERVICE", "S8", LocalDateTime.of(2026, 11, 5, 2, 0));
    assertThat(report()).containsExactly(300L, 300L, 270L, 1_150L);

    // an entry posted before the ends of September and October: A is computed again
    db.entry(A, "PARTICIPANT", "P2", 70, "SERVICE", "S9", LocalDateTime.of(2026, 9, 12, 2, 0));
    assertThat(report()).isEqualTo(fromEntries()).containsExactly(300L, 300L, 300L, 360L);
    assertThat(stored(A, TO)).isEqualTo(210);
    assertThat(stored(A, YearMonth.of(2026, 8))).isEqualTo(300);

    // a ledger line of another account before an end does not change the participants' figure
    store(B, TO, 2_000);
    db.entry(B, "POOL", null, 25, "SERVICE", "S10", LocalDateTime.of(2026, 10, 21, 2, 0));
    assertThat(report().get(3)).isEqualTo(210 + 2_000);

    // a stored figure removed is computed again
    db.jdbc.sql("delete from rp_liability_ends where bank_code = ?").param(B).update();
    assertThat(report()).isEqualTo(fromEntries());
  }
}
