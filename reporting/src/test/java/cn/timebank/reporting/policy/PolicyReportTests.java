package cn.timebank.reporting.policy;

import static cn.timebank.reporting.support.ReportDatabase.pdfText;
import static cn.timebank.reporting.support.ReportDatabase.xlsxRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.support.ReportDatabase;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy report of Shanghai (prefix 31) over 2026-08..2026-10: participants of two banks in
 * every age band (and one bank elsewhere that must not count), services of several categories and
 * fundings, a donation, transfers, scores, PSI and ledger entries. Every figure the query returns
 * is checked against SQL written here in another way (age by DATEADD, activity by EXISTS, months by
 * FORMATDATETIME); the rendered files are checked for the small-cell rule.
 */
@TestInstance(Lifecycle.PER_CLASS)
class PolicyReportTests {

  private static final Path OUT = Path.of("target", "reports");
  private static final String A = "310104-001";
  private static final String B = "310115-002";
  private static final String ELSEWHERE = "110105-001";
  private static final String LAST_DAY = "DATE '2026-10-31'";
  private static final String REGION =
      " join banks b on b.bank_code = s.bank_code and b.region_code like '31%'";

  private final ReportDatabase db = new ReportDatabase();
  private ReportRenderer renderer;
  private Policy policy;

  @BeforeAll
  void fixture(@TempDir Path swap) throws IOException {
    db.bank(A, "徐汇区时间银行", "310104");
    db.bank(B, "浦东新区时间银行", "310115");
    db.bank(ELSEWHERE, "朝阳区时间银行", "110105");
    people(A, "PM", 8, "M", "1990-05-01", "PROVIDER");
    people(A, "PF", 6, "F", "1990-05-01", "PROVIDER");
    people(A, "PU", 2, null, "1990-05-01", "PROVIDER");
    people(A, "RM", 6, "M", "1960-11-01", "RECIPIENT"); // 65 on 2026-10-31
    people(A, "RS", 1, "M", "1956-10-31", "RECIPIENT"); // 70 on 2026-10-31
    people(A, "RF", 3, "F", "1950-01-01", "RECIPIENT");
    people(A, "BF", 7, "F", "1944-06-01", "BOTH");
    people(A, "BX", 1, "F", null, "BOTH");
    db.participant(A, "LATE", "110***", "M", "1990-01-01", "PROVIDER", "2026-12-01");
    people(B, "YM", 5, "M", "2000-01-01", "PROVIDER");
    people(ELSEWHERE, "EM", 10, "M", "1950-01-01", "PROVIDER");

    // services: providers PM0..PM5 to recipients RM0..RM5 in September and October
    for (int i = 0; i < 6; i++) {
      svc(A, "S" + i, "PM" + i, "RM" + i, "CARE_BASIC", at(9, 3 + i), 120, "ISSUED");
      svc(A, "T" + i, "PM" + i, "BF" + i, "COMPANION", at(10, 3 + i), 60, "ISSUED");
    }
    svc(A, "U1", "PF0", "RF0", "MEDICAL_ESCORT", at(10, 20), 90, "BALANCE");
    svc(A, "U2", "PF1", "RF1", "MEDICAL_ESCORT", at(8, 20), 45, "POOL");
    // PM0 volunteered 6,000 minutes before the range: one star
    for (int i = 0; i < 13; i++) {
      svc(
          A,
          "H" + i,
          "PM0",
          "RM1",
          "CARE_BASIC",
          LocalDateTime.of(2025, 1, 1 + i, 8, 0),
          480,
          "ISSUED");
    }
    svc(A, "OUT1", "PF2", "RF2", "CARE_BASIC", at(7, 30), 60, "ISSUED"); // before the range
    db.service(A, "CAN", "PF3", "RF2", "CARE_BASIC", at(9, 9), 60, "CANCELLED");
    svc(B, "Y1", "YM0", "YM1", "CARE_BASIC", at(9, 1), 30, "ISSUED");
    svc(ELSEWHERE, "E1", "EM0", "EM1", "CARE_BASIC", at(9, 1), 300, "ISSUED");
    db.jdbc
        .sql(
            "insert into transactions (bank_code, txn_ref, source_id, current_flag, txn_type,"
                + " participant_ref, standard_minutes, occurred_at, received_at) values"
                + " (?, 'D1', 'src', 'Y', 'DONATION', 'PM1', 75, ?, CURRENT_TIMESTAMP)")
        .params(A, at(10, 2))
        .update();
    transfer(A, "X1", "TRANSFER_OUT", 60, "M1", at(9, 5));
    transfer(A, "X2", "TRANSFER_OUT", 30, null, at(10, 5));
    transfer(B, "X3", "TRANSFER_IN", 60, "M2", at(9, 6));
    transfer(ELSEWHERE, "X4", "TRANSFER_OUT", 60, null, at(9, 6));
    for (int i = 0; i < 9; i++) {
      score(A, "PM" + i % 8 + (i >= 8 ? "x" : ""), "PROVIDER", i < 6 ? "A" : "B");
    }
    score(A, "RM0", "RECIPIENT", "A");
    psi(A, 3, 40, "0.031200", "STABLE");
    psi(B, 120, 118, "0.281000", "SHIFTED");
    // liability: PM0 +120 posted in September (Beijing), RM0 +200 in August, -50 in October
    db.entry(A, "PARTICIPANT", "PM0", 120, "SERVICE", "S0", LocalDateTime.of(2026, 9, 3, 2, 0));
    db.entry(A, "PARTICIPANT", "RM0", 200, "SERVICE", "Z", LocalDateTime.of(2026, 8, 3, 2, 0));
    db.entry(A, "PARTICIPANT", "RM0", -50, "SERVICE", "Z2", LocalDateTime.of(2026, 9, 30, 17, 0));
    db.entry(
        ELSEWHERE, "PARTICIPANT", "EM0", 999, "SERVICE", "E", LocalDateTime.of(2026, 9, 3, 2, 0));
    policy =
        new PolicyReportQuery(db.jdbc, Map.of("31", 5_000L))
            .of("31", YearMonth.of(2026, 8), YearMonth.of(2026, 10));
    renderer =
        new ReportRenderer(
            Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ReportRenderer.ZONE), swap);
    Files.createDirectories(OUT);
  }

  private void people(String bank, String prefix, int n, String gender, String birth, String role) {
    for (int i = 0; i < n; i++) {
      db.participant(bank, prefix + i, "110***", gender, birth, role, "2024-01-01");
    }
  }

  private static LocalDateTime at(int month, int day) {
    return LocalDateTime.of(2026, month, day, 9, 0);
  }

  private void svc(
      String bank, String ref, String p, String r, String cat, LocalDateTime at, int m, String f) {
    db.service(bank, ref, p, r, cat, at, m, "COMPLETED", f);
  }

  private void transfer(
      String bank, String ref, String direction, long minutes, String matched, LocalDateTime at) {
    db.jdbc
        .sql(
            "insert into transfer_items (bank_code, txn_ref, direction, person_key,"
                + " counterparty_bank, minutes, occurred_at, matched_ref) values (?, ?, ?, ?,"
                + " '110105-001', ?, ?, ?)")
        .params(bank, ref, direction, "k".repeat(64), minutes, at, matched)
        .update();
  }

  private void score(String bank, String ref, String subject, String grade) {
    db.jdbc
        .sql("insert into cs_scores values ('2026-10', ?, ?, ?, ?, 100, 650, ?)")
        .params(subject + "-2026.1", subject, bank, ref, grade)
        .update();
  }

  private void psi(String bank, long base, long actual, String value, String band) {
    db.jdbc
        .sql(
            "insert into cs_psi values ('2026-10', 'PROVIDER-2026.1', ?, '2026-09', ?, ?,"
                + " CAST(? AS DECIMAL(12,6)), ?)")
        .params(bank, base, actual, value, band)
        .update();
  }

  private long sql(String sql) {
    return db.jdbc.sql(sql).query(Long.class).single();
  }

  private static String bandOf(String alias) {
    return "case when "
        + alias
        + ".birth_date is null then 'UNKNOWN'"
        + " when dateadd('YEAR', 30, p.birth_date) > "
        + LAST_DAY
        + " then 'U30' when dateadd('YEAR', 45, p.birth_date) > "
        + LAST_DAY
        + " then 'A30' when dateadd('YEAR', 60, p.birth_date) > "
        + LAST_DAY
        + " then 'A45' when dateadd('YEAR', 70, p.birth_date) > "
        + LAST_DAY
        + " then 'A60' when dateadd('YEAR', 80, p.birth_date) > "
        + LAST_DAY
        + " then 'A70' else 'A80' end";
  }

  private static final String ACTIVE =
      "exists (select 1 from services s where s.bank_code = p.bank_code and s.current_flag = 'Y'"
          + " and s.status = 'COMPLETED' and s.start_at >= TIMESTAMP '2026-08-01 00:00:00'"
          + " and s.start_at < TIMESTAMP '2026-11-01 00:00:00' and p.participant_ref in"
          + " (s.provider_ref, s.recipient_ref))";

  private static final String REGISTERED =
      "select count(*) from participants p join banks b on b.bank_code = p.bank_code"
          + " where b.region_code like '31%' and p.registered_on <= "
          + LAST_DAY;

  private long activeInRegion() {
    return sql(REGISTERED + " and " + ACTIVE);
  }

  private long expectedParticipants(String role, String band, String gender, boolean active) {
    return sql(
        "select count(*) from participants p join banks b on b.bank_code = p.bank_code"
            + " where b.region_code like '31%' and p.registered_on <= "
            + LAST_DAY
            + " and p.roles = '"
            + role
            + "' and coalesce(p.gender, 'U') = '"
            + gender
            + "' and "
            + bandOf("p")
            + " = '"
            + band
            + "'"
            + (active ? " and " + ACTIVE : ""));
  }

  private long expectedMinutes(String where) {
    return sql(
        "select coalesce(sum(s.credited_minutes), 0) from services s"
            + REGION
            + " where s.current_flag = 'Y' and s.status = 'COMPLETED' and "
            + where);
  }

  private static String month(String ym) {
    return "formatdatetime(s.start_at, 'yyyy-MM') = '" + ym + "'";
  }

  @Test
  void queryFiguresEqualIndependentSql() {
    long registered = 0;
    for (String role : PolicyReport.ROLES) {
      for (String band : PolicyReport.BANDS) {
        for (String gender : PolicyReport.GENDERS) {
          long reg = expectedParticipants(role, band, gender, false);
          long act = expectedParticipants(role, band, gender, true);
          registered += reg;
          Policy.ParticipantCount found =
              policy.participants().stream()
                  .filter(
                      c ->
                          c.role().equals(role)
                              && c.band().equals(band)
                              && c.gender().equals(gender))
                  .findFirst()
                  .orElse(new Policy.ParticipantCount(role, band, gender, 0, 0));
          assertThat(found.registered()).as(role + band + gender).isEqualTo(reg);
          assertThat(found.active()).as(role + band + gender + " active").isEqualTo(act);
        }
      }
    }
    assertThat(registered).isEqualTo(39);
    assertThat(expectedParticipants("RECIPIENT", "A60", "M", false))
        .as("65 at the end")
        .isEqualTo(6);
    assertThat(expectedParticipants("RECIPIENT", "A70", "M", false)).as("70 that day").isEqualTo(1);

    for (Policy.CategoryHours c : policy.categories()) {
      String inRange =
          "s.unified_category = '"
              + c.category()
              + "' and s.start_at >= TIMESTAMP '2026-08-01 00:00:00'"
              + " and s.start_at < TIMESTAMP '2026-11-01 00:00:00'";
      assertThat(c.minutes()).as(c.category()).isEqualTo(expectedMinutes(inRange));
      assertThat(c.services())
          .isEqualTo(
              sql(
                  "select count(*) from services s"
                      + REGION
                      + " where s.current_flag = 'Y' and s.status = 'COMPLETED' and "
                      + inRange));
    }
    assertThat(policy.categories())
        .extracting(Policy.CategoryHours::category)
        .containsExactlyInAnyOrder("CARE_BASIC", "COMPANION", "MEDICAL_ESCORT");

    for (Policy.Flow f : policy.flows()) {
      assertThat(f.issued())
          .isEqualTo(expectedMinutes("s.funding = 'ISSUED' and " + month(f.period())));
      assertThat(f.redeemed())
          .isEqualTo(expectedMinutes("s.funding = 'BALANCE' and " + month(f.period())));
      assertThat(f.fromPool())
          .isEqualTo(expectedMinutes("s.funding = 'POOL' and " + month(f.period())));
      LocalDateTime endUtc =
          YearMonth.parse(f.period()).plusMonths(1).atDay(1).atStartOfDay().minusHours(8);
      assertThat(f.liabilityEnd())
          .isEqualTo(
              db.jdbc
                  .sql(
                      "select coalesce(sum(x), 0) from (select sum(amount_minutes) x from"
                          + " ledger_entries e join banks b on b.bank_code = e.bank_code where"
                          + " b.region_code like '31%' and account_kind = 'PARTICIPANT' and"
                          + " posted_at < ? group by e.bank_code, participant_ref"
                          + " having sum(amount_minutes) > 0) y")
                  .param(endUtc)
                  .query(Long.class)
                  .single());
    }
    assertThat(policy.flows()).extracting(Policy.Flow::donated).containsExactly(0L, 0L, 75L);
    assertThat(policy.liabilityBefore()).isZero();
    for (Policy.TrendPoint t : policy.trend()) {
      assertThat(t.minutes()).isEqualTo(expectedMinutes(month(t.period())));
      assertThat(t.active())
          .isEqualTo(
              sql(
                  "select count(*) from participants p join banks b on b.bank_code = p.bank_code"
                      + " where b.region_code like '31%' and exists (select 1 from services s"
                      + " where s.bank_code = p.bank_code and s.current_flag = 'Y' and s.status ="
                      + " 'COMPLETED' and "
                      + month(t.period())
                      + " and p.participant_ref in (s.provider_ref, s.recipient_ref))"));
    }
    for (Policy.TransferCount t : policy.transfers()) {
      String where =
          " from transfer_items t join banks b on b.bank_code = t.bank_code where"
              + " b.region_code like '31%' and t.direction = '"
              + t.direction()
              + "' and t.occurred_at >= TIMESTAMP '2026-08-01 00:00:00'";
      assertThat(t.matched())
          .isEqualTo(sql("select count(*)" + where + " and matched_ref is not null"));
      assertThat(t.open()).isEqualTo(sql("select count(*)" + where + " and matched_ref is null"));
      assertThat(t.openMinutes())
          .isEqualTo(sql("select coalesce(sum(minutes), 0)" + where + " and matched_ref is null"));
    }
    long[] bounds = {0, 6_000, 18_000, 36_000, 60_000, 90_000, Long.MAX_VALUE};
    for (Policy.StarCount s : policy.stars()) {
      assertThat(s.volunteers())
          .as("star " + s.level())
          .isEqualTo(
              sql(
                  "select count(*) from (select s.bank_code, s.provider_ref from services s"
                      + REGION
                      + " where s.current_flag = 'Y' and s.status = 'COMPLETED'"
                      + " and s.start_at < TIMESTAMP '2026-11-01 00:00:00'"
                      + " group by s.bank_code, s.provider_ref having sum(s.credited_minutes) >= "
                      + bounds[s.level()]
                      + " and sum(s.credited_minutes) < "
                      + bounds[s.level() + 1]
                      + ") x"));
    }
    assertThat(policy.stars().get(1).volunteers()).isEqualTo(1);
    for (Policy.GradeCount g : policy.grades()) {
      assertThat(g.count())
          .isEqualTo(
              sql(
                  "select count(*) from cs_scores where bank_code like '31%' and subject = '"
                      + g.subject()
                      + "' and grade = '"
                      + g.grade()
                      + "'"));
    }
    assertThat(policy.psi()).extracting(Policy.PsiLine::bankCode).containsExactly(A, B);
    assertThat(policy.population60()).isEqualTo(5_000L);
  }

  @Test
  void refusesAReversedOrOverlongRangeAndABadPrefix() {
    PolicyReportQuery query = new PolicyReportQuery(db.jdbc, Map.of());
    assertThatThrownBy(() -> query.of("31", YearMonth.of(2026, 10), YearMonth.of(2026, 9)))
        .hasMessageContaining("after");
    assertThatThrownBy(() -> query.of("31", YearMonth.of(2020, 1), YearMonth.of(2026, 9)))
        .hasMessageContaining("at most 60");
    assertThatThrownBy(() -> query.of("3x", YearMonth.of(2026, 1), YearMonth.of(2026, 9)))
        .hasMessageContaining("1 to 6 digits");
    assertThat(query.of("31", YearMonth.of(2026, 10), YearMonth.of(2026, 10)).population60())
        .isNull();
  }

  @Test
  void pdfInChineseHidesSmallCountsAndTheCellThatWouldGiveThemAway() throws IOException {
    byte[] pdf = renderer.render(new PolicyReport(), policy, ReportFormat.PDF, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("policy_zh_CN.pdf"), pdf);
    String text = pdfText(pdf);
    assertThat(text)
        .contains("时间银行政策分析报告", "代码以 31 开头", "2026-08 — 2026-10")
        .contains("不含任何个人信息")
        // providers 30-44: men 8, women 6, not given 2 (<5) → women (the smallest other) withheld
        .contains("30–44 岁 8 — <5 16")
        // recipients 60-69: 6 men, withheld because recipients 70-79 (4) are hidden in the
        // role's bands and 6 is the smallest other: the role's total would give 4 away
        .contains("60–69 岁 — 0 0 — — 0 0 —")
        // recipients 70-79: 1 man, 3 women; row total 4 → the whole row hidden
        .contains("70–79 岁 <5 <5 0 <5")
        .contains("全部 合计 " + 39 + " " + activeInRegion())
        .contains("█");
    // participation per 1,000 residents aged 60+: 6 + 1 + 3 + 7 registered
    long older = 17;
    assertThat(text).contains(String.format("5,000 %d", older));
    assertThat(text).contains(String.format("%.2f", older * 1000 / 5000.0));
  }

  @Test
  void xlsxAndCsvKeepTheSmallCellRuleAndNumericCells() throws IOException {
    byte[] xlsx =
        renderer.render(new PolicyReport(), policy, ReportFormat.XLSX, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("policy_zh_CN.xlsx"), xlsx);
    List<List<Object>> rows = xlsxRows(xlsx);
    List<Object> providers =
        rows.stream()
            .filter(r -> r.size() > 2 && "服务者".equals(r.get(0)) && "合计".equals(r.get(1)))
            .findFirst()
            .orElseThrow();
    assertThat(providers)
        .containsExactly(
            "服务者",
            "合计",
            (double) sql(REGISTERED + " and p.roles = 'PROVIDER'"),
            (double) sql(REGISTERED + " and p.roles = 'PROVIDER' and " + ACTIVE));
    List<Object> providers30 =
        rows.stream()
            .filter(r -> r.size() > 2 && "服务者".equals(r.get(0)) && "30–44 岁".equals(r.get(1)))
            .findFirst()
            .orElseThrow();
    assertThat(providers30.subList(2, 6)).containsExactly(8.0, "—", "<5", 16.0);
    // no count from 1 to 4 anywhere in the participants, star and grade tables as a number
    for (List<Object> row : rows) {
      if (row.size() > 1 && List.of("服务者", "受助者", "两者兼是", "全部").contains(row.get(0))) {
        assertThat(row).noneMatch(c -> c instanceof Double d && d >= 1 && d <= 4);
      }
    }
    List<Object> star1 =
        rows.stream().filter(r -> r.get(0).toString().startsWith("一星")).findFirst().orElseThrow();
    assertThat(star1).contains("<5").doesNotContain(1.0);
    assertThat(rows).noneMatch(r -> r.stream().anyMatch(c -> c.toString().contains("█")));

    byte[] csv = renderer.render(new PolicyReport(), policy, ReportFormat.CSV, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("policy_zh_CN.csv"), csv);
    // the CSV keeps the page grid: empty cells between the columns are collapsed here
    String text = new String(csv, StandardCharsets.UTF_8).replaceAll(",+", ",");
    assertThat(text).contains("70–79 岁,<5,<5,0,<5").contains("30–44 岁,8,—,<5,16");
    assertThat(text.lines().filter(l -> l.startsWith("一星"))).allMatch(l -> l.contains("<5"));
  }

  @Test
  void englishPdf() throws IOException {
    byte[] pdf = renderer.render(new PolicyReport(), policy, ReportFormat.PDF, ReportLocales.EN);
    Files.write(OUT.resolve("policy_en.pdf"), pdf);
    assertThat(pdfText(pdf))
        .contains("Time bank policy report", "Participants per 1,000 residents aged 60", "under 30")
        .doesNotContain("政策分析");
    assertThat(pdfText(pdf)).contains(categoryLabels(false));
  }

  @Test
  void categoriesAreNamedInTheReportsLanguage() throws IOException {
    assertThat(categoryLabels(true)).as("the data has catalogue categories").isNotEmpty();
    byte[] pdf = renderer.render(new PolicyReport(), policy, ReportFormat.PDF, ReportLocales.ZH_CN);
    assertThat(pdfText(pdf)).contains(categoryLabels(true));
    byte[] csv = renderer.render(new PolicyReport(), policy, ReportFormat.CSV, ReportLocales.ZH_CN);
    assertThat(new String(csv, StandardCharsets.UTF_8)).contains(categoryLabels(true));
  }

  /** "助餐（MEAL）" or "Meal assistance (MEAL)": the catalogue's names of the data's categories. */
  private List<String> categoryLabels(boolean chinese) {
    HourStandard standard =
        StandardVersions.builtIn().inForceOn(YearMonth.parse(policy.to()).atEndOfMonth());
    return policy.categories().stream()
        .map(c -> standard.category(c.category()))
        .flatMap(Optional::stream)
        .map(c -> chinese ? c.nameZh() + "（" + c.code() + "）" : c.nameEn() + " (" + c.code() + ")")
        .toList();
  }
}
