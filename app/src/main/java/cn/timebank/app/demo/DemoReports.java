package cn.timebank.app.demo;

import cn.timebank.app.report.ReportRequest;
import cn.timebank.app.report.ReportType;
import cn.timebank.app.report.Reports;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ledger.balance.AccountBalance;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.entry.AccountKind;
import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's last step: writes every report type — a receipt, each bank's compliance report, the
 * overview and the policy report (last three periods) of each province, and one participant's
 * statement — in zh-CN and en (PDF, plus XLSX and CSV in zh-CN) into {@code OUT/reports}, and lists
 * them.
 */
@Component
class DemoReports {

  private static final String PROVINCES =
      "select distinct substr(region_code, 1, 2) from banks order by 1";

  private final Reports reports;
  private final Balances balances;
  private final JdbcClient jdbc;

  DemoReports(Reports reports, Balances balances, DataSource dataSource) {
    this.reports = reports;
    this.balances = balances;
    this.jdbc = JdbcClient.create(dataSource);
  }

  List<Path> write(Path dir, YearMonth period, List<Receipt> receipts, PrintStream out)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    List<Receipt> accepted =
        receipts.stream().filter(r -> r.status() != ReceiptStatus.RJCT).toList();
    if (!accepted.isEmpty()) {
      Receipt first = accepted.get(0);
      all(
          dir,
          "receipt-" + first.packageId(),
          request(ReportType.RECEIPT, null, null, null, first.packageId()),
          written);
    }
    for (String bank : accepted.stream().map(Receipt::bankCode).distinct().toList()) {
      all(
          dir,
          "compliance-" + bank + "-" + period,
          request(ReportType.COMPLIANCE, bank, period, null, null),
          written);
    }
    for (String province : jdbc.sql(PROVINCES).query(String.class).list()) {
      all(
          dir,
          "overview-" + province + "-" + period,
          (format, locale) ->
              new ReportRequest(
                  ReportType.OVERVIEW,
                  null,
                  province,
                  period,
                  null,
                  null,
                  null,
                  null,
                  format,
                  locale),
          written);
      all(
          dir,
          "policy-" + province + "-" + period.minusMonths(2) + "_" + period,
          (format, locale) ->
              new ReportRequest(
                  ReportType.POLICY,
                  null,
                  province,
                  null,
                  period.minusMonths(2),
                  period,
                  null,
                  null,
                  format,
                  locale),
          written);
    }
    String bank = accepted.isEmpty() ? null : accepted.get(0).bankCode();
    Optional<String> participant = bank == null ? Optional.empty() : someParticipant(bank);
    if (participant.isPresent()) {
      all(
          dir,
          "statement-" + bank + "-" + participant.get(),
          request(ReportType.STATEMENT, bank, period, participant.get(), null),
          written);
    }
    out.printf("  %d reports in %s:%n", written.size(), dir.toAbsolutePath());
    written.forEach(p -> out.println("    " + p.getFileName()));
    return written;
  }

  /** PDF in both locales; XLSX and CSV in zh-CN. */
  private void all(Path dir, String name, RequestTemplate template, List<Path> written)
      throws IOException {
    render(
        dir.resolve(name + ".zh-CN.pdf"),
        template.with(ReportFormat.PDF, ReportLocales.ZH_CN),
        written);
    render(
        dir.resolve(name + ".en.pdf"), template.with(ReportFormat.PDF, ReportLocales.EN), written);
    render(
        dir.resolve(name + ".zh-CN.xlsx"),
        template.with(ReportFormat.XLSX, ReportLocales.ZH_CN),
        written);
    render(
        dir.resolve(name + ".zh-CN.csv"),
        template.with(ReportFormat.CSV, ReportLocales.ZH_CN),
        written);
  }

  private void render(Path file, ReportRequest request, List<Path> written) throws IOException {
    try (OutputStream stream = Files.newOutputStream(file)) {
      reports.render(request, stream);
    }
    written.add(file);
  }

  private Optional<String> someParticipant(String bank) {
    return balances.ofBank(bank).stream()
        .filter(b -> b.account().kind() == AccountKind.PARTICIPANT)
        .filter(b -> b.balance().isPositive())
        .map(AccountBalance::account)
        .map(a -> a.participantRef())
        .findFirst();
  }

  private static RequestTemplate request(
      ReportType type, String bank, YearMonth period, String participant, String packageId) {
    return (format, locale) ->
        new ReportRequest(
            type, bank, null, period, null, null, participant, packageId, format, locale);
  }

  @FunctionalInterface
  private interface RequestTemplate {
    ReportRequest with(ReportFormat format, Locale locale);
  }
}
