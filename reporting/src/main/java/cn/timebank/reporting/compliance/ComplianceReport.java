package cn.timebank.reporting.compliance;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.reporting.ReportData;
import cn.timebank.reporting.ReportDefinition;
import cn.timebank.standards.codes.ResultCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The bank compliance report (银行合规报告): header (bank, period, rating and grade, chain check), then
 * six sections — the period's packages with their status and lateness, result-code counts over
 * their receipts, samples of rejected records, anomaly findings per code, the rating's five
 * criteria, the hour liability over 12 periods, and the audit trail's part about the bank (who
 * uploaded, downloaded or changed what since the period began).
 */
public final class ComplianceReport implements ReportDefinition<Compliance> {

  /** How many rejected records are shown as samples. */
  public static final int REJECTED_SAMPLES = 10;

  enum Section {
    PACKAGES,
    CODES,
    REJECTED,
    FINDINGS,
    CRITERIA,
    LIABILITY,
    AUDIT
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  @Override
  public String name() {
    return "compliance";
  }

  @Override
  public ReportData data(Compliance c, Locale locale) {
    Map<String, @Nullable Object> parameters = new HashMap<>();
    parameters.put("BANK_CODE", c.bankCode());
    parameters.put("BANK_NAME", c.bankName());
    parameters.put("REGION_CODE", c.regionCode());
    parameters.put("PERIOD", c.period());
    parameters.put("PACKAGE_COUNT", (long) c.receipts().size());
    parameters.put("LATE_COUNT", c.receipts().stream().filter(Receipt::late).count());
    parameters.put("CHAIN_OK", c.chain().ok());
    parameters.put("CHAIN_ENTRIES", c.chain().entriesChecked());
    parameters.put("CHAIN_BREAK_SEQ", c.chain().firstBreak().map(b -> b.chainSeq()).orElse(null));
    parameters.put(
        "CHAIN_BREAK_KIND", c.chain().firstBreak().map(b -> b.kind().name()).orElse(null));
    parameters.put("RATING_TOTAL", c.rating().map(Compliance.Rating::total).orElse(null));
    parameters.put("RATING_GRADE", c.rating().map(Compliance.Rating::grade).orElse("—"));
    parameters.put("RATING_VERSION", c.rating().map(Compliance.Rating::version).orElse("—"));

    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (Receipt r : c.receipts()) {
      Map<String, @Nullable Object> row = row(Section.PACKAGES);
      row.put("text1", r.packageId());
      row.put("num1", r.sequence() == null ? null : (long) r.sequence());
      row.put(
          "text2",
          TIME.format(r.receivedAt().atZoneSameInstant(cn.timebank.reporting.ReportRenderer.ZONE)));
      row.put(
          "text3",
          r.dueAt() == null
              ? "—"
              : TIME.format(
                  r.dueAt().atZoneSameInstant(cn.timebank.reporting.ReportRenderer.ZONE)));
      row.put("text4", r.status().name());
      row.put(
          "num2",
          r.dueAt() != null && r.late()
              ? Math.max(0, Duration.between(r.dueAt(), r.receivedAt()).toMinutes())
              : 0L);
      rows.add(row);
    }
    noneIfEmpty(rows, Section.PACKAGES);

    Map<String, Long> codes = new TreeMap<>();
    for (Receipt r : c.receipts()) {
      r.counts().codes().forEach((code, n) -> codes.merge(code, n, Long::sum));
    }
    codes.forEach(
        (code, n) -> {
          Map<String, @Nullable Object> row = row(Section.CODES);
          row.put("text1", code);
          row.put("text2", description(code, locale));
          row.put("num1", n);
          rows.add(row);
        });
    noneIfEmpty(rows, Section.CODES);

    c.receipts().stream()
        .flatMap(r -> r.rejected().stream())
        .limit(REJECTED_SAMPLES)
        .forEach(
            (ReceiptLine line) -> {
              Map<String, @Nullable Object> row = row(Section.REJECTED);
              row.put("text1", line.file());
              row.put("num1", line.line());
              row.put("text2", line.ref());
              row.put("text3", line.field());
              row.put("text4", line.code());
              row.put("text5", line.message());
              rows.add(row);
            });
    noneIfEmpty(rows, Section.REJECTED);

    for (Compliance.CodeCount finding : c.findings()) {
      Map<String, @Nullable Object> row = row(Section.FINDINGS);
      row.put("text1", finding.code());
      row.put("num1", finding.count());
      rows.add(row);
    }
    noneIfEmpty(rows, Section.FINDINGS);

    c.rating()
        .ifPresent(
            r -> {
              criterion(rows, "PUNCTUALITY", r.punctuality(), r.daysLate(), 0);
              criterion(
                  rows, "COMPLETENESS", r.completeness(), r.filesDelivered(), r.filesExpected());
              criterion(rows, "ACCURACY", r.accuracy(), r.recordsRejected(), r.recordsRead());
              criterion(rows, "STABILITY", r.stability(), r.corrections(), 0);
              criterion(
                  rows, "PLAUSIBILITY", r.plausibility(), r.recordsNamed(), r.recordsAccepted());
            });
    noneIfEmpty(rows, Section.CRITERIA);

    for (Compliance.PeriodAmount amount : c.liability()) {
      Map<String, @Nullable Object> row = row(Section.LIABILITY);
      row.put("text1", amount.period());
      row.put("num1", amount.minutes());
      row.put("dec1", BigDecimal.valueOf(amount.minutes()).divide(SIXTY, 2, RoundingMode.HALF_UP));
      rows.add(row);
    }
    noneIfEmpty(rows, Section.LIABILITY);

    for (Compliance.AuditLine line : c.audit()) {
      Map<String, @Nullable Object> row = row(Section.AUDIT);
      row.put("text1", TIME.format(line.at().atZone(cn.timebank.reporting.ReportRenderer.ZONE)));
      row.put("text2", line.actor());
      row.put("text3", line.origin());
      row.put("text4", line.action());
      row.put("text5", line.target());
      rows.add(row);
    }
    noneIfEmpty(rows, Section.AUDIT);
    return new ReportData(rows, parameters);
  }

  private static void criterion(
      List<Map<String, @Nullable Object>> rows, String name, BigDecimal score, long a, long b) {
    Map<String, @Nullable Object> row = row(Section.CRITERIA);
    row.put("text1", name);
    row.put("num1", a);
    row.put("num2", b);
    row.put("dec1", score);
    rows.add(row);
  }

  private static @Nullable String description(String code, Locale locale) {
    try {
      return ResultCode.valueOf(code).message(locale);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static void noneIfEmpty(List<Map<String, @Nullable Object>> rows, Section section) {
    if (rows.isEmpty() || !section.name().equals(rows.get(rows.size() - 1).get("section"))) {
      Map<String, @Nullable Object> row = row(section);
      row.put("empty", true);
      rows.add(row);
    }
  }

  private static Map<String, @Nullable Object> row(Section section) {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("section", section.name());
    row.put("empty", false);
    return row;
  }
}
