package cn.timebank.reporting.compliance;

import static cn.timebank.reporting.support.ReportDatabase.pdfText;
import static cn.timebank.reporting.support.ReportDatabase.xlsxRows;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.ledger.audit.AuditEvent;
import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.receipt.ReceiptSamples;
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
 * The compliance report of a bank with one late, partly accepted package, findings, a stored rating
 * and entries posted over several months; each figure is checked against SQL written here.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ComplianceReportTests {

  private static final Path OUT = Path.of("target", "reports");
  private static final String BANK = "310109-001";
  private static final YearMonth PERIOD = YearMonth.of(2026, 10);

  private final ReportDatabase db = new ReportDatabase();
  private final Receipt receipt = ReceiptSamples.partlyAcceptedAndLate();
  private ReportRenderer renderer;
  private Compliance compliance;

  @BeforeAll
  void fixture(@TempDir Path swap) throws IOException {
    db.bank(BANK, "徐汇区时间银行", "310104");
    db.bank("310115-002", "浦东新区时间银行", "310115");
    db.jdbc
        .sql(
            "insert into packages (package_id, sha256, bank_code, report_month, seq_no,"
                + " received_at, due_at, late, status, receipt_json)"
                + " values (?, ?, ?, '2026-10', 1, ?, ?, 'Y', 'PART', ?)")
        .params(
            receipt.packageId(),
            receipt.sha256(),
            BANK,
            LocalDateTime.of(2026, 11, 12, 1, 30),
            LocalDateTime.of(2026, 11, 9, 16, 0),
            ReceiptJson.write(receipt))
        .update();
    for (int i = 1; i <= 3; i++) {
      finding(i, i < 3 ? "A301" : "A305", BANK);
    }
    finding(4, "A301", "310115-002");
    db.jdbc
        .sql(
            "insert into cs_bank_ratings values ('2026-10', 'RATING-2026.1', ?, 70.00, 100.00,"
                + " 99.94, 100.00, 99.50, 92.48, 'A', 'Y', 3, 3, 3, 52525, 30, 52495, 262, 0)")
        .param(BANK)
        .update();
    // P1 +120 in 2026-03 (Beijing), P2 +60 in 2026-09, P1 -150 in 2026-10: P1 ends at -30.
    db.entry(BANK, "PARTICIPANT", "P1", 120, "SERVICE", "S1", LocalDateTime.of(2026, 3, 10, 2, 0));
    db.entry(BANK, "ISSUANCE", null, -120, "SERVICE", "S1", LocalDateTime.of(2026, 3, 10, 2, 0));
    db.entry(BANK, "PARTICIPANT", "P2", 60, "SERVICE", "S2", LocalDateTime.of(2026, 9, 30, 17, 0));
    db.entry(
        BANK, "PARTICIPANT", "P1", -150, "TRANSACTION", "T1", LocalDateTime.of(2026, 10, 2, 0, 0));
    db.entry(
        "310115-002",
        "PARTICIPANT",
        "Q1",
        500,
        "SERVICE",
        "S9",
        LocalDateTime.of(2026, 3, 1, 0, 0));
    AuditTrail trail = new AuditTrail(db.dataSource, Clock.systemUTC());
    audit(trail, "2026-09-30T15:59:00Z", BANK, "before-the-period");
    audit(trail, "2026-11-12T01:30:00Z", BANK, receipt.packageId());
    audit(trail, "2026-11-12T01:40:00Z", "310115-002", "浦东-package");
    trail.append(
        new AuditEvent(
            "张审核",
            AuditAction.REPORT_DOWNLOAD,
            "compliance",
            BANK,
            "http:10.1.2.3",
            Instant.parse("2026-11-12T01:50:00Z"),
            "format pdf"));
    compliance =
        new ComplianceReportQuery(db.jdbc, new LedgerVerifier(db.dataSource), trail)
            .of(BANK, PERIOD)
            .orElseThrow();
    renderer =
        new ReportRenderer(
            Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ReportRenderer.ZONE), swap);
    Files.createDirectories(OUT);
  }

  private static void audit(AuditTrail trail, String at, String bank, String target) {
    trail.append(
        new AuditEvent(
            "bank-" + bank,
            AuditAction.UPLOAD,
            target,
            bank,
            "http:192.0.2.7",
            Instant.parse(at),
            "status PART"));
  }

  private void finding(int no, String code, String bank) {
    db.jdbc
        .sql("insert into cs_findings values ('2026-10', 'FINDINGS-2026.1', ?, ?, ?, 'detail')")
        .params(no, code, bank)
        .update();
  }

  /** Liability at a Beijing month end: participants whose balance then was positive, summed. */
  private long expectedLiability(YearMonth month) {
    LocalDateTime endUtc = month.plusMonths(1).atDay(1).atStartOfDay().minusHours(8);
    return db.jdbc
        .sql(
            "select coalesce(sum(b), 0) from (select sum(amount_minutes) b from ledger_entries"
                + " where bank_code = ? and account_kind = 'PARTICIPANT' and posted_at < ?"
                + " group by participant_ref having sum(amount_minutes) > 0) x")
        .params(BANK, endUtc)
        .query(Long.class)
        .single();
  }

  private long expectedFindings(String code) {
    return db.jdbc
        .sql(
            "select count(*) from cs_findings where bank_code = ? and score_period = '2026-10'"
                + " and finding_code = ?")
        .params(BANK, code)
        .query(Long.class)
        .single();
  }

  @Test
  void queryCountsFindingsPerCodeAndTheLiabilityOfTwelvePeriods() {
    assertThat(compliance.findings())
        .containsExactly(
            new Compliance.CodeCount("A301", expectedFindings("A301")),
            new Compliance.CodeCount("A305", expectedFindings("A305")));
    assertThat(compliance.liability()).hasSize(12);
    assertThat(compliance.liability().get(0).period()).isEqualTo("2025-11");
    for (Compliance.PeriodAmount amount : compliance.liability()) {
      assertThat(amount.minutes())
          .as(amount.period())
          .isEqualTo(expectedLiability(YearMonth.parse(amount.period())));
    }
    assertThat(compliance.liability().get(11).minutes()).isEqualTo(60);
    assertThat(compliance.liability().get(10).minutes())
        .as("P2's credit was posted 2026-10-01 01:00 Beijing time: October")
        .isEqualTo(120);
    assertThat(compliance.rating()).isPresent();
    assertThat(compliance.chain().ok()).as("the fixture's hashes are not real").isFalse();
    assertThat(compliance.audit())
        .as("the bank's events since 2026-10-01 Beijing time, not another bank's")
        .extracting(Compliance.AuditLine::target)
        .containsExactly(receipt.packageId(), "compliance");
  }

  @Test
  void pdfInChineseShowsPackagesCodesSamplesFindingsCriteriaAndLiability() throws IOException {
    byte[] pdf =
        renderer.render(new ComplianceReport(), compliance, ReportFormat.PDF, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("compliance_zh_CN.pdf"), pdf);
    String text = pdfText(pdf);

    assertThat(text)
        .contains("时间银行合规情况报告", "徐汇区时间银行", "92.48 分，A 级", "共 1 个，其中逾期 1 个")
        .contains("未通过：第 1 条分录", receipt.packageId(), "部分接收")
        .contains("同一服务者服务时间重叠 " + expectedFindings("A301"))
        .contains("记录严重滞后 " + expectedFindings("A305"))
        .contains("七、审计记录", "2026-11-12 09:30 bank-310109-001 http:192.0.2.7 上传提交包")
        .contains("2026-11-12 09:50 张审核 http:10.1.2.3 下载报告 compliance")
        .doesNotContain("before-the-period")
        .contains("拒收 30 / 读取 52,525 条 99.94", "逾期 3 天 70.00")
        .doesNotContain("浦东");
    receipt
        .counts()
        .codes()
        .forEach((code, n) -> assertThat(text).containsPattern(code + " .* " + n));
    receipt
        .rejected()
        .forEach(line -> assertThat(text).contains(line.code(), String.valueOf(line.line())));
    long lateMinutes =
        java.time.Duration.between(receipt.dueAt(), receipt.receivedAt()).toMinutes();
    assertThat(text).contains("PART 部分接收 " + String.format("%,d", lateMinutes));
    for (Compliance.PeriodAmount amount : compliance.liability()) {
      long expected = expectedLiability(YearMonth.parse(amount.period()));
      assertThat(text)
          .contains(
              amount.period()
                  + " "
                  + String.format("%,d", expected)
                  + " "
                  + String.format("%,.2f", expected / 60.0));
    }
  }

  @Test
  void englishPdfXlsxAndCsv() throws IOException {
    byte[] pdf =
        renderer.render(new ComplianceReport(), compliance, ReportFormat.PDF, ReportLocales.EN);
    Files.write(OUT.resolve("compliance_en.pdf"), pdf);
    assertThat(pdfText(pdf))
        .contains(
            "Bank compliance report",
            "92.48 points, grade A",
            "overlapping services of one provider",
            "7. Audit trail",
            "report download")
        .doesNotContain("合规情况报告");

    byte[] xlsx =
        renderer.render(new ComplianceReport(), compliance, ReportFormat.XLSX, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("compliance_zh_CN.xlsx"), xlsx);
    List<List<Object>> rows = xlsxRows(xlsx);
    for (Compliance.PeriodAmount amount : compliance.liability()) {
      List<Object> row =
          rows.stream().filter(r -> r.get(0).equals(amount.period())).findFirst().orElseThrow();
      assertThat(row.get(1))
          .isEqualTo((double) expectedLiability(YearMonth.parse(amount.period())));
    }
    assertThat(rows.stream().filter(r -> r.get(0).equals("A301")).findFirst().orElseThrow())
        .contains((double) expectedFindings("A301"));

    byte[] csv =
        renderer.render(new ComplianceReport(), compliance, ReportFormat.CSV, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("compliance_zh_CN.csv"), csv);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
  }
}
