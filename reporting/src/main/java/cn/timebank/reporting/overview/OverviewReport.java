package cn.timebank.reporting.overview;

import cn.timebank.reporting.ReportData;
import cn.timebank.reporting.ReportDefinition;
import cn.timebank.reporting.TextBars;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The regional supervision overview (区域监管概览): the region's banks ranked by rating with a bar chart
 * of their scores, the late submitters, the rejection rates and the open unmatched transfers.
 */
public final class OverviewReport implements ReportDefinition<Overview> {

  /** Characters of the longest bar (a score of 100). */
  static final int BAR_WIDTH = 20;

  enum Section {
    RANKING,
    LATE,
    REJECTION,
    TRANSFERS
  }

  @Override
  public String name() {
    return "overview";
  }

  @Override
  public ReportData data(Overview o, Locale locale) {
    Map<String, @Nullable Object> parameters = new HashMap<>();
    parameters.put("REGION", o.region());
    parameters.put("PERIOD", o.period());
    parameters.put("BANK_COUNT", (long) o.banks().size());
    parameters.put("RATED_COUNT", o.banks().stream().filter(b -> b.rating() != null).count());
    parameters.put(
        "LATE_COUNT", o.banks().stream().filter(Overview.BankLine::lateSubmitter).count());
    parameters.put(
        "OPEN_COUNT", o.banks().stream().mapToLong(Overview.BankLine::openTransfers).sum());

    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    long rank = 0;
    for (Overview.BankLine b : o.banks()) {
      Map<String, @Nullable Object> row = row(Section.RANKING, b);
      row.put("num1", b.rating() == null ? null : ++rank);
      row.put("dec1", b.rating());
      row.put("text4", b.grade());
      row.put("num2", b.findings());
      row.put(
          "bar", b.rating() == null ? "" : TextBars.of(b.rating().doubleValue(), 100, BAR_WIDTH));
      rows.add(row);
    }
    noneIfEmpty(rows, Section.RANKING);
    for (Overview.BankLine b : o.banks()) {
      if (b.lateSubmitter()) {
        Map<String, @Nullable Object> row = row(Section.LATE, b);
        row.put("num1", b.packages());
        row.put("num2", b.latePackages());
        row.put("num3", b.daysLate());
        row.put("text4", b.packages() == 0 ? "MISSING" : "LATE");
        rows.add(row);
      }
    }
    noneIfEmpty(rows, Section.LATE);
    for (Overview.BankLine b : o.banks()) {
      if (b.recordsRead() != null) {
        Map<String, @Nullable Object> row = row(Section.REJECTION, b);
        row.put("num1", b.recordsRead());
        row.put("num2", b.recordsRejected());
        row.put("dec1", b.rejectionPercent());
        rows.add(row);
      }
    }
    noneIfEmpty(rows, Section.REJECTION);
    for (Overview.BankLine b : o.banks()) {
      if (b.openTransfers() > 0) {
        Map<String, @Nullable Object> row = row(Section.TRANSFERS, b);
        row.put("num1", b.openTransfers());
        row.put("num2", b.openMinutes());
        row.put(
            "dec1",
            BigDecimal.valueOf(b.openMinutes())
                .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP));
        rows.add(row);
      }
    }
    noneIfEmpty(rows, Section.TRANSFERS);
    return new ReportData(rows, parameters);
  }

  private static void noneIfEmpty(List<Map<String, @Nullable Object>> rows, Section section) {
    if (rows.isEmpty() || !section.name().equals(rows.get(rows.size() - 1).get("section"))) {
      Map<String, @Nullable Object> row = new HashMap<>();
      row.put("section", section.name());
      row.put("empty", true);
      rows.add(row);
    }
  }

  private static Map<String, @Nullable Object> row(Section section, Overview.BankLine bank) {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("section", section.name());
    row.put("empty", false);
    row.put("text1", bank.bankCode());
    row.put("text2", bank.name());
    row.put("text3", bank.regionCode());
    return row;
  }
}
