package cn.timebank.reporting.overview;

import static cn.timebank.reporting.support.ReportDatabase.pdfText;
import static cn.timebank.reporting.support.ReportDatabase.xlsxRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.support.ReportDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview of Shanghai (prefix 31) with three rated banks, one unrated and late bank, one bank
 * in another province, open and matched transfer items and findings; each figure is checked against
 * SQL written here.
 */
@TestInstance(Lifecycle.PER_CLASS)
class OverviewReportTests {

  private static final Path OUT = Path.of("target", "reports");
  private static final YearMonth PERIOD = YearMonth.of(2026, 10);

  private final ReportDatabase db = new ReportDatabase();
  private ReportRenderer renderer;
  private Overview overview;

  @BeforeAll
  void fixture(@TempDir Path swap) throws IOException {
    db.bank("310104-001", "徐汇区时间银行", "310104");
    db.bank("310115-002", "浦东新区时间银行", "310115");
    db.bank("310101-003", "黄浦区时间银行", "310101");
    db.bank("310110-004", "=HYPERLINK(\"x\") 杨浦", "310110");
    db.bank("110105-001", "朝阳区时间银行", "110105");
    rating("310104-001", "92.48", "A", 0, 52525, 30);
    rating("310115-002", "71.20", "C", 3, 10000, 400);
    rating("310101-003", "85.00", "B", 0, 8000, 8);
    rating("110105-001", "99.00", "A", 0, 100, 0);
    // an older rating version of the same bank and period must not count
    db.jdbc
        .sql(
            "insert into cs_bank_ratings values ('2026-10', 'RATING-2026.0', '310115-002', 10, 10,"
                + " 10, 10, 10, 10.00, 'D', 'Y', 9, 3, 3, 1, 1, 0, 0, 0)")
        .update();
    pkg("p1", "310104-001", "N", "ACPT");
    pkg("p2", "310115-002", "Y", "PART");
    pkg("p3", "310115-002", "N", "WARN");
    pkg("p4", "310101-003", "N", "ACPT");
    pkg("p5", "310110-004", "Y", "RJCT");
    transfer("310104-001", "T1", 120, null, LocalDateTime.of(2026, 10, 3, 9, 0));
    transfer("310104-001", "T2", 60, null, LocalDateTime.of(2026, 10, 31, 23, 0));
    transfer("310104-001", "T3", 45, "M1", LocalDateTime.of(2026, 10, 5, 9, 0));
    transfer("310104-001", "T4", 30, null, LocalDateTime.of(2026, 11, 1, 0, 30));
    transfer("310115-002", "T5", 90, null, LocalDateTime.of(2026, 9, 1, 8, 0));
    finding(1, "310115-002");
    finding(2, "310115-002");
    finding(3, "310104-001");
    overview = new OverviewReportQuery(db.jdbc).of("31", PERIOD);
    renderer =
        new ReportRenderer(
            Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ReportRenderer.ZONE), swap);
    Files.createDirectories(OUT);
  }

  private void rating(String bank, String total, String grade, int daysLate, long read, long rej) {
    db.jdbc
        .sql(
            "insert into cs_bank_ratings values ('2026-10', 'RATING-2026.1', ?, 90, 100, 99, 100,"
                + " 99, CAST(? AS DECIMAL(5,2)), ?, 'Y', ?, 3, 3, ?, ?, ?, 0, 0)")
        .params(bank, total, grade, daysLate, read, rej, read - rej)
        .update();
  }

  private void pkg(String id, String bank, String late, String status) {
    db.jdbc
        .sql(
            "insert into packages (package_id, sha256, bank_code, report_month, seq_no,"
                + " received_at, due_at, late, status) values (?, ?, ?, '2026-10', 1,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?)")
        .params(id, "a".repeat(64), bank, late, status)
        .update();
  }

  private void transfer(String bank, String ref, long minutes, String matched, LocalDateTime at) {
    db.jdbc
        .sql(
            "insert into transfer_items (bank_code, txn_ref, direction, person_key,"
                + " counterparty_bank, minutes, occurred_at, matched_bank, matched_ref)"
                + " values (?, ?, 'TRANSFER_OUT', ?, '110105-001', ?, ?, ?, ?)")
        .params(
            bank, ref, "k".repeat(64), minutes, at, matched == null ? null : "110105-001", matched)
        .update();
  }

  private void finding(int no, String bank) {
    db.jdbc
        .sql("insert into cs_findings values ('2026-10', 'FINDINGS-2026.1', ?, 'A301', ?, 'd')")
        .params(no, bank)
        .update();
  }

  private long count(String sql, Object... params) {
    return db.jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private long expectedOpen(String bank) {
    return count(
        "select count(*) from transfer_items where bank_code = ? and matched_ref is null"
            + " and occurred_at < TIMESTAMP '2026-11-01 00:00:00'",
        bank);
  }

  private long expectedOpenMinutes(String bank) {
    return count(
        "select coalesce(sum(minutes), 0) from transfer_items where bank_code = ?"
            + " and matched_ref is null and occurred_at < TIMESTAMP '2026-11-01 00:00:00'",
        bank);
  }

  @Test
  void queryRanksTheRegionsBanksByTheirNewestRatingWithSqlFigures() {
    assertThat(overview.banks())
        .extracting(Overview.BankLine::bankCode)
        .containsExactly("310104-001", "310101-003", "310115-002", "310110-004");
    for (Overview.BankLine b : overview.banks()) {
      assertThat(b.openTransfers()).as(b.bankCode()).isEqualTo(expectedOpen(b.bankCode()));
      assertThat(b.openMinutes()).isEqualTo(expectedOpenMinutes(b.bankCode()));
      assertThat(b.packages())
          .isEqualTo(
              count(
                  "select count(*) from packages where bank_code = ? and report_month = '2026-10'"
                      + " and status <> 'RJCT'",
                  b.bankCode()));
      assertThat(b.findings())
          .isEqualTo(count("select count(*) from cs_findings where bank_code = ?", b.bankCode()));
    }
    Overview.BankLine pudong = overview.banks().get(2);
    assertThat(pudong.grade()).as("the newest rating version").isEqualTo("C");
    assertThat(pudong.latePackages()).isEqualTo(1);
    assertThat(pudong.rejectionPercent()).isEqualByComparingTo("4.00");
    assertThat(overview.banks().get(3).rating()).isNull();
    assertThat(overview.banks().get(3).lateSubmitter()).as("only a rejected package").isTrue();
    assertThat(overview.banks().get(0).lateSubmitter()).isFalse();
    assertThatThrownBy(() -> new OverviewReportQuery(db.jdbc).of("31%", PERIOD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pdfInChineseShowsTheRankingLateBanksRejectionRatesAndOpenTransfers() throws IOException {
    byte[] pdf =
        renderer.render(new OverviewReport(), overview, ReportFormat.PDF, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("overview_zh_CN.pdf"), pdf);
    String text = pdfText(pdf);
    assertThat(text)
        .contains("时间银行区域监管概览", "代码以 31 开头", "共 4 家，已评级 3 家")
        .contains("逾期或未报送 2 家；未匹配转移 " + (expectedOpen("310104-001") + expectedOpen("310115-002")))
        .contains("1 310104-001 徐汇区时间银行 310104 92.48 A 1")
        .contains("2 310101-003 黄浦区时间银行 310101 85.00 B 0")
        .contains("3 310115-002 浦东新区时间银行 310115 71.20 C 2")
        .contains("310115-002 浦东新区时间银行 310115 2 1 3 逾期报送")
        .contains("0 未报送")
        .contains("310115-002 浦东新区时间银行 310115 10,000 400 4.00")
        .contains("310104-001 徐汇区时间银行 310104 52,525 30 0.06")
        .contains(
            "310104-001 徐汇区时间银行 310104 "
                + expectedOpen("310104-001")
                + " "
                + expectedOpenMinutes("310104-001")
                + " "
                + String.format("%.2f", expectedOpenMinutes("310104-001") / 60.0))
        .contains("█")
        .doesNotContain("朝阳");
  }

  @Test
  void englishPdfXlsxWithNumericCellsAndNeutralisedCsv() throws IOException {
    byte[] pdf =
        renderer.render(new OverviewReport(), overview, ReportFormat.PDF, ReportLocales.EN);
    Files.write(OUT.resolve("overview_en.pdf"), pdf);
    assertThat(pdfText(pdf))
        .contains("Regional supervision overview", "Late submitters", "missing")
        .doesNotContain("区域监管概览");

    byte[] xlsx =
        renderer.render(new OverviewReport(), overview, ReportFormat.XLSX, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("overview_zh_CN.xlsx"), xlsx);
    List<List<Object>> rows = xlsxRows(xlsx);
    List<Object> first =
        rows.stream().filter(r -> r.contains("310104-001")).findFirst().orElseThrow();
    assertThat(first).containsExactly(1.0, "310104-001", "徐汇区时间银行", "310104", 92.48, "A", 1.0);
    assertThat(rows).noneMatch(r -> r.stream().anyMatch(c -> c.toString().contains("█")));
    List<Object> open =
        rows.stream()
            .filter(r -> r.contains("310115-002") && r.contains(90.0))
            .findFirst()
            .orElseThrow();
    assertThat(open).contains((double) expectedOpen("310115-002"), 1.5);

    byte[] csv =
        renderer.render(new OverviewReport(), overview, ReportFormat.CSV, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("overview_zh_CN.csv"), csv);
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .contains("'=HYPERLINK")
        .doesNotContain(",=HYPERLINK")
        .doesNotContain("█");
  }
}
