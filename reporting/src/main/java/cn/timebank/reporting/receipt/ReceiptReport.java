package cn.timebank.reporting.receipt;

import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.reporting.ReportData;
import cn.timebank.reporting.ReportDefinition;
import cn.timebank.standards.codes.ResultCode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The submission receipt (报送回执) of one package: header (package, bank, period, status, received vs
 * due), totals, then four sections — records per file, records per result code, rejected records
 * and warnings — each a table, or "none".
 */
public final class ReceiptReport implements ReportDefinition<Receipt> {

  /** The sections of the report, in print order; the template groups rows by them. */
  enum Section {
    FILES,
    CODES,
    REJECTED,
    WARNINGS
  }

  private static final String NOT_KNOWN = "—";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Override
  public String name() {
    return "receipt";
  }

  @Override
  public ReportData data(Receipt receipt, Locale locale) {
    return new ReportData(rows(receipt, locale), parameters(receipt));
  }

  private static Map<String, @Nullable Object> parameters(Receipt receipt) {
    Map<String, @Nullable Object> parameters = new HashMap<>();
    parameters.put("PACKAGE_ID", receipt.packageId());
    parameters.put("SHA256", receipt.sha256());
    parameters.put("BANK_CODE", orNotKnown(receipt.bankCode()));
    parameters.put("PERIOD", orNotKnown(receipt.period()));
    parameters.put(
        "SEQUENCE", receipt.sequence() == null ? NOT_KNOWN : receipt.sequence().toString());
    parameters.put("STATUS", receipt.status().name());
    parameters.put("RECEIVED_AT", time(receipt.receivedAt()));
    parameters.put("DUE_AT", receipt.dueAt() == null ? NOT_KNOWN : time(receipt.dueAt()));
    parameters.put("TIMELINESS", timeliness(receipt));
    parameters.put("LATE_MINUTES", lateMinutes(receipt));
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    for (FileCount count : receipt.counts().files().values()) {
      read += count.read();
      accepted += count.accepted();
      rejected += count.rejected();
    }
    parameters.put("TOTAL_READ", read);
    parameters.put("TOTAL_ACCEPTED", accepted);
    parameters.put("TOTAL_REJECTED", rejected);
    parameters.put("TOTAL_WARNINGS", (long) receipt.warnings().size());
    return parameters;
  }

  private static List<Map<String, @Nullable Object>> rows(Receipt receipt, Locale locale) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    receipt
        .counts()
        .files()
        .forEach(
            (file, count) -> {
              Map<String, @Nullable Object> row = row(Section.FILES);
              row.put("file", file);
              row.put("read", count.read());
              row.put("accepted", count.accepted());
              row.put("rejected", count.rejected());
              rows.add(row);
            });
    noneIfEmpty(rows, Section.FILES);
    receipt
        .counts()
        .codes()
        .forEach(
            (code, count) -> {
              Map<String, @Nullable Object> row = row(Section.CODES);
              row.put("code", code);
              row.put("description", description(code, locale));
              row.put("count", count);
              rows.add(row);
            });
    noneIfEmpty(rows, Section.CODES);
    lines(rows, Section.REJECTED, receipt.rejected());
    lines(rows, Section.WARNINGS, receipt.warnings());
    return rows;
  }

  private static void lines(
      List<Map<String, @Nullable Object>> rows, Section section, List<ReceiptLine> lines) {
    for (ReceiptLine line : lines) {
      Map<String, @Nullable Object> row = row(section);
      row.put("file", line.file());
      row.put("line", line.line());
      row.put("ref", line.ref());
      row.put("field", line.field());
      row.put("code", line.code());
      row.put("message", line.message());
      rows.add(row);
    }
    noneIfEmpty(rows, section);
  }

  /** A section without rows still prints its title and "none". */
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

  private static @Nullable String description(String code, Locale locale) {
    try {
      return ResultCode.valueOf(code).message(locale);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String timeliness(Receipt receipt) {
    if (receipt.dueAt() == null) {
      return "UNKNOWN";
    }
    return receipt.late() ? "LATE" : "ON_TIME";
  }

  private static @Nullable Long lateMinutes(Receipt receipt) {
    OffsetDateTime due = receipt.dueAt();
    if (due == null || !receipt.late()) {
      return null;
    }
    return Math.max(0, Duration.between(due, receipt.receivedAt()).toMinutes());
  }

  private static String time(OffsetDateTime time) {
    return TIME.format(time);
  }

  private static String orNotKnown(@Nullable String value) {
    return value == null ? NOT_KNOWN : value;
  }
}
