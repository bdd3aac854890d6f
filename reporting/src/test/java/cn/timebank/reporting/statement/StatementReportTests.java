package cn.timebank.reporting.statement;

import static cn.timebank.reporting.support.ReportDatabase.pdfText;
import static cn.timebank.reporting.support.ReportDatabase.xlsxRows;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.support.ReportDatabase;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.standards.model.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement of a participant whose account has credits, a debit and a reversal, beside another
 * participant's and the bank's own entries; every figure is checked against SQL written here.
 */
@TestInstance(Lifecycle.PER_CLASS)
class StatementReportTests {

  private static final Path OUT = Path.of("target", "reports");
  private static final String BANK = "310109-001";
  private static final String REF = "P001";

  private final ReportDatabase db = new ReportDatabase();
  private StatementReportQuery query;
  private ReportRenderer renderer;
  private Statement statement;

  @BeforeAll
  void fixture(@TempDir Path swap) throws IOException {
    db.bank(BANK, "徐汇区时间银行", "310104");
    db.participant(BANK, REF, "3101**********1234", "F", "1958-03-02", "BOTH", "2025-05-01");
    db.participant(BANK, "P002", "3101**********9876", "M", "1990-01-01", "PROVIDER", "2025-06-01");
    LocalDateTime at = LocalDateTime.of(2026, 11, 5, 1, 0);
    db.service(
        BANK,
        "S001",
        REF,
        "P009",
        "LIVING_ASSIST",
        LocalDateTime.of(2026, 10, 3, 9, 0),
        90,
        "COMPLETED");
    db.service(
        BANK,
        "S002",
        REF,
        "P009",
        "MEDICAL_ESCORT",
        LocalDateTime.of(2026, 10, 9, 14, 0),
        120,
        "COMPLETED");
    db.entry(BANK, "PARTICIPANT", REF, 90, "SERVICE", "S001", at);
    db.entry(BANK, "ISSUANCE", null, -90, "SERVICE", "S001", at);
    db.entry(BANK, "PARTICIPANT", REF, 120, "SERVICE", "S002", at.plusMinutes(1));
    db.entry(BANK, "PARTICIPANT", "P002", 60, "SERVICE", "S003", at.plusMinutes(2));
    db.entry(BANK, "PARTICIPANT", REF, -45, "TRANSACTION", "T001", at.plusDays(1));
    db.entry(BANK, "PARTICIPANT", REF, -90, "REVERSAL", "S001", at.plusDays(2));
    db.jdbc
        .sql(
            "insert into cs_scores values ('2026-10', 'PROVIDER-2026.1', 'PROVIDER', ?, ?, 41.50,"
                + " 587, 'B')")
        .params(BANK, REF)
        .update();
    db.jdbc
        .sql(
            "insert into cs_score_reasons values ('2026-10', 'PROVIDER-2026.1', ?, ?, 1, 'PV02',"
                + " 12.25), ('2026-10', 'PROVIDER-2026.1', ?, ?, 2, 'PV01', 3.50)")
        .params(BANK, REF, BANK, REF)
        .update();
    query = new StatementReportQuery(db.jdbc, new ParticipantScores(db.jdbc, Scorecards.builtIn()));
    statement = query.of(BANK, REF, null).orElseThrow();
    renderer =
        new ReportRenderer(
            Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ReportRenderer.ZONE), swap);
    Files.createDirectories(OUT);
  }

  /** The balance after each of the participant's entries, by a correlated sum (not a window). */
  private List<Map<String, Object>> expectedEntries() {
    return db.jdbc
        .sql(
            "select e.chain_seq, e.amount_minutes, (select sum(x.amount_minutes) from"
                + " ledger_entries x where x.bank_code = e.bank_code and x.account_kind ="
                + " 'PARTICIPANT' and x.participant_ref = e.participant_ref and x.chain_seq <="
                + " e.chain_seq) as balance from ledger_entries e where e.bank_code = ? and"
                + " e.participant_ref = ? order by e.chain_seq")
        .params(BANK, REF)
        .query()
        .listOfRows();
  }

  private long expected(String sql) {
    return db.jdbc.sql(sql).params(BANK, REF).query(Long.class).single();
  }

  @Test
  void queryHasEveryEntryWithTheRunningBalanceAndTheTotals() {
    List<Map<String, Object>> expected = expectedEntries();
    assertThat(statement.entries()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(statement.entries().get(i).minutes())
          .isEqualTo(((Number) expected.get(i).get("AMOUNT_MINUTES")).longValue());
      assertThat(statement.entries().get(i).balanceMinutes())
          .isEqualTo(((Number) expected.get(i).get("BALANCE")).longValue());
    }
    assertThat(statement.balanceMinutes())
        .isEqualTo(
            expected(
                "select sum(amount_minutes) from ledger_entries where bank_code = ? and"
                    + " participant_ref = ?"))
        .isEqualTo(75);
    assertThat(statement.creditedMinutes())
        .isEqualTo(
            expected(
                "select sum(amount_minutes) from ledger_entries where bank_code = ? and"
                    + " participant_ref = ? and amount_minutes > 0"));
    assertThat(statement.entries().get(0).category()).isEqualTo("LIVING_ASSIST");
    assertThat(statement.scorePeriod()).isEqualTo("2026-10");
    assertThat(query.of(BANK, "NOPE", null)).isEmpty();
    assertThat(query.of(BANK, REF, Period.parse("2026-09")).orElseThrow().scores()).isEmpty();
  }

  @Test
  void pdfInChineseShowsTheMaskedIdEveryEntryBalanceScoreAndReasons() throws IOException {
    byte[] pdf =
        renderer.render(new StatementReport(), statement, ReportFormat.PDF, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("statement_zh_CN.pdf"), pdf);
    String text = pdfText(pdf);

    assertThat(text)
        .contains("时间银行存折对账单", "3101**********1234", "提供者及接受者", "徐汇区时间银行")
        .contains("近12个月活跃月份较少", "第 1 页，共 1 页")
        .doesNotContain("P002", "9876");
    for (Map<String, Object> row : expectedEntries()) {
      assertThat(text)
          .contains(
              grouped(((Number) row.get("AMOUNT_MINUTES")).longValue())
                  + " "
                  + grouped(((Number) row.get("BALANCE")).longValue()));
    }
    long balance =
        expected(
            "select sum(amount_minutes) from ledger_entries where bank_code = ? and"
                + " participant_ref = ?");
    assertThat(text).contains("当前余额 " + balance + " 分钟（1.25 小时）");
    assertThat(text).containsPattern("提供者 PROVIDER-2026.1 587 B");
    assertThat(text).contains("12.25", "3.50");
  }

  @Test
  void pdfInEnglishHasEnglishLabelsAndReasons() throws IOException {
    byte[] pdf =
        renderer.render(new StatementReport(), statement, ReportFormat.PDF, ReportLocales.EN);
    Files.write(OUT.resolve("statement_en.pdf"), pdf);
    assertThat(pdfText(pdf))
        .contains("Participant statement", "active in few of the last 12 months", "75 min (1.25 h)")
        .doesNotContain("存折对账单");
  }

  @Test
  void xlsxHasTypedMinutesAndBalances() throws IOException {
    byte[] xlsx =
        renderer.render(new StatementReport(), statement, ReportFormat.XLSX, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("statement_zh_CN.xlsx"), xlsx);
    List<List<Object>> rows = xlsxRows(xlsx);
    List<Map<String, Object>> expected = expectedEntries();
    for (Map<String, Object> row : expected) {
      double seq = ((Number) row.get("CHAIN_SEQ")).doubleValue();
      List<Object> line = rows.stream().filter(r -> r.get(0).equals(seq)).findFirst().orElseThrow();
      assertThat(line.subList(line.size() - 2, line.size()))
          .containsExactly(
              ((Number) row.get("AMOUNT_MINUTES")).doubleValue(),
              ((Number) row.get("BALANCE")).doubleValue());
    }
    Files.write(
        OUT.resolve("statement_zh_CN.csv"),
        renderer.render(new StatementReport(), statement, ReportFormat.CSV, ReportLocales.ZH_CN));
  }

  private static String grouped(long n) {
    return String.format("%,d", n);
  }
}
