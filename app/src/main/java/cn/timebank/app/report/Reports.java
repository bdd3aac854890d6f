package cn.timebank.app.report;

import cn.timebank.app.audit.Auditor;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.compliance.ComplianceReport;
import cn.timebank.reporting.compliance.ComplianceReportQuery;
import cn.timebank.reporting.overview.OverviewReport;
import cn.timebank.reporting.overview.OverviewReportQuery;
import cn.timebank.reporting.policy.PolicyReport;
import cn.timebank.reporting.policy.PolicyReportQuery;
import cn.timebank.reporting.receipt.ReceiptReport;
import cn.timebank.reporting.receipt.ReceiptReportQuery;
import cn.timebank.reporting.statement.StatementReport;
import cn.timebank.reporting.statement.StatementReportQuery;
import cn.timebank.standards.model.Period;
import java.io.OutputStream;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers a {@link ReportRequest}: checks the parameters its type needs, loads what the report is
 * about with the report's query and renders it. The command and the REST door both call this.
 */
@Component
public class Reports {

  private final ReportRenderer renderer;
  private final ReceiptReport receiptReport;
  private final ReceiptReportQuery receiptQuery;
  private final StatementReport statementReport;
  private final StatementReportQuery statementQuery;
  private final ComplianceReport complianceReport;
  private final ComplianceReportQuery complianceQuery;
  private final Auditor auditor;
  private final OverviewReport overviewReport;
  private final OverviewReportQuery overviewQuery;
  private final PolicyReport policyReport;
  private final PolicyReportQuery policyQuery;

  Reports(
      ReportRenderer renderer,
      ReceiptReport receiptReport,
      ReceiptReportQuery receiptQuery,
      StatementReport statementReport,
      StatementReportQuery statementQuery,
      ComplianceReport complianceReport,
      ComplianceReportQuery complianceQuery,
      OverviewReport overviewReport,
      OverviewReportQuery overviewQuery,
      PolicyReport policyReport,
      PolicyReportQuery policyQuery,
      Auditor auditor) {
    this.renderer = renderer;
    this.receiptReport = receiptReport;
    this.receiptQuery = receiptQuery;
    this.statementReport = statementReport;
    this.statementQuery = statementQuery;
    this.complianceReport = complianceReport;
    this.complianceQuery = complianceQuery;
    this.auditor = auditor;
    this.overviewReport = overviewReport;
    this.overviewQuery = overviewQuery;
    this.policyReport = policyReport;
    this.policyQuery = policyQuery;
  }

  /**
   * Renders the report asked for to {@code out} (left open), then records a {@code REPORT_DOWNLOAD}
   * by the current caller (the HTTP request's sender, or the command line's user).
   */
  public void render(ReportRequest request, OutputStream out) {
    renderUnaudited(request, out);
    auditor.record(
        AuditAction.REPORT_DOWNLOAD, request.type().word(), request.bank(), describe(request));
  }

  /** The request's parameters and format, for the audit trail. */
  static String describe(ReportRequest request) {
    StringBuilder text = new StringBuilder();
    append(text, "bank", request.bank());
    append(text, "region", request.region());
    append(text, "period", request.period());
    append(text, "from", request.from());
    append(text, "to", request.to());
    append(text, "participant", request.participant());
    append(text, "package", request.packageId());
    append(text, "format", request.format().extension());
    append(text, "locale", request.locale().toLanguageTag());
    return text.toString();
  }

  private static void append(StringBuilder text, String name, @Nullable Object value) {
    if (value != null) {
      text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
    }
  }

  private void renderUnaudited(ReportRequest request, OutputStream out) {
    switch (request.type()) {
      case RECEIPT -> {
        String id = request.requirePackage();
        var receipt =
            receiptQuery
                .byPackageId(id)
                .orElseThrow(() -> notFound("no package with id '" + id + "'"));
        renderer.render(receiptReport, receipt, request.format(), request.locale(), out);
      }
      case STATEMENT -> {
        String bank = request.requireBank();
        String ref = request.requireParticipant();
        Period period = request.period() == null ? null : new Period(request.period());
        var statement =
            statementQuery
                .of(bank, ref, period)
                .orElseThrow(() -> notFound("bank " + bank + " has no participant '" + ref + "'"));
        renderer.render(statementReport, statement, request.format(), request.locale(), out);
      }
      case COMPLIANCE -> {
        String bank = request.requireBank();
        var compliance =
            complianceQuery
                .of(bank, request.requirePeriod())
                .orElseThrow(
                    () ->
                        new ReportRequestException(
                            ReportRequestException.Kind.BANK_NOT_FOUND,
                            "no bank '" + bank + "' is registered"));
        renderer.render(complianceReport, compliance, request.format(), request.locale(), out);
      }
      case OVERVIEW -> {
        String region = requirePrefix(request);
        var overview = overviewQuery.of(region, request.requirePeriod());
        if (overview.banks().isEmpty()) {
          throw notFound("no bank is registered in region " + region);
        }
        renderer.render(overviewReport, overview, request.format(), request.locale(), out);
      }
      case POLICY -> {
        String region = requirePrefix(request);
        YearMonth[] range = request.requireRange();
        if (range[0].plusMonths(PolicyReportQuery.MAX_PERIODS).isBefore(range[1].plusMonths(1))) {
          throw ReportRequest.invalid(
              "a policy report covers at most " + PolicyReportQuery.MAX_PERIODS + " periods");
        }
        if (overviewQuery.bankCount(region) == 0) {
          throw notFound("no bank is registered in region " + region);
        }
        var policy = policyQuery.of(region, range[0], range[1]);
        renderer.render(policyReport, policy, request.format(), request.locale(), out);
      }
    }
  }

  private static String requirePrefix(ReportRequest request) {
    String region = request.requireRegion();
    if (!OverviewReportQuery.validPrefix(region)) {
      throw ReportRequest.invalid(
          "region must be a region-code prefix of 1 to 6 digits (was '" + region + "')");
    }
    return region;
  }

  static ReportRequestException notFound(String message) {
    return new ReportRequestException(ReportRequestException.Kind.NOT_FOUND, message);
  }
}
