package cn.timebank.app.api.report;

import cn.timebank.app.access.ScopePolicy;
import cn.timebank.app.api.ApiException;
import cn.timebank.app.api.ApiProblem;
import cn.timebank.app.report.ReportRequest;
import cn.timebank.app.report.ReportType;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Applies {@link ScopePolicy}'s report rules ({@code mayRequestReport}, {@code canSeeReport}: the
 * one place they are written) to a REST request; the command line is local administration and needs
 * no check. A type the role may not have answers 403; a bank, package or region beyond the scope
 * answers exactly as one that does not exist: the same problem the report itself gives for an
 * unknown one.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ReportAccess {

  private final ScopePolicy scope;
  private final Submissions submissions;

  ReportAccess(ScopePolicy scope, Submissions submissions) {
    this.scope = scope;
    this.submissions = submissions;
  }

  /**
   * Throws the problem to answer when the current caller may not have this report (a missing
   * parameter is the report's own {@code INVALID}).
   */
  void check(ReportRequest request) {
    ReportType type = request.type();
    if (!scope.mayRequestReport(type)) {
      throw new ApiException(ApiProblem.FORBIDDEN, "GET /api/v1/reports/" + type.word());
    }
    switch (type) {
      case RECEIPT -> {
        String id = request.requirePackage();
        Optional<String> bank = submissions.receipt(id).map(Receipt::bankCode);
        // an unknown package: the report itself answers 404
        if (bank.isPresent() && !scope.canSeeReport(type, bank.get(), null)) {
          throw new ApiException(ApiProblem.NOT_FOUND, "no package with id '" + id + "'");
        }
      }
      case COMPLIANCE, STATEMENT -> {
        String bank = request.requireBank();
        if (!scope.canSeeReport(type, bank, null)) {
          throw new ApiException(ApiProblem.BANK_NOT_FOUND, bank);
        }
      }
      case OVERVIEW, POLICY -> {
        String region = request.requireRegion();
        if (!scope.canSeeReport(type, request.bank(), region)) {
          throw new ApiException(ApiProblem.NOT_FOUND, "no bank is registered in region " + region);
        }
      }
    }
  }
}
