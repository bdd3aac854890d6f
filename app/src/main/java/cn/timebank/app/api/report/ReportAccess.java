package cn.timebank.app.api.report;

import cn.timebank.app.access.Role;
import cn.timebank.app.access.ScopePolicy;
import cn.timebank.app.api.ApiException;
import cn.timebank.app.api.ApiProblem;
import cn.timebank.app.report.ReportRequest;
import cn.timebank.app.report.ReportType;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Who may fetch which report over REST (the command line is local administration and needs no
 * check). The rules, one per report type:
 *
 * <ul>
 *   <li>{@code receipt}, {@code compliance}, {@code statement} hold participant-level data or
 *       rejected records: never for {@code POLICYMAKER} (403); otherwise the package's or the named
 *       bank must be in the caller's scope ({@link ScopePolicy#canSeeBank}).
 *   <li>{@code overview}, {@code policy} are aggregates over a region: for {@code POLICYMAKER} and
 *       {@code ADMIN} (any region), {@code CIVIL_AFFAIRS_REVIEWER} (regions under its prefix); not
 *       for {@code BANK_OPERATOR} (403: they compare other banks).
 * </ul>
 *
 * A bank, package or region beyond the scope answers exactly as one that does not exist: the same
 * problem the report itself gives for an unknown one.
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
    switch (type) {
      case RECEIPT, COMPLIANCE, STATEMENT -> {
        if (!scope.mayFetchParticipantData()) {
          throw forbidden(type);
        }
        if (type == ReportType.RECEIPT) {
          String id = request.requirePackage();
          boolean visible =
              submissions
                  .receipt(id)
                  .map(Receipt::bankCode)
                  .map(scope::canSeeBank)
                  .orElse(true); // unknown: the report itself answers 404
          if (!visible) {
            throw new ApiException(ApiProblem.NOT_FOUND, "no package with id '" + id + "'");
          }
        } else {
          String bank = request.requireBank();
          if (!scope.canSeeBank(bank)) {
            throw new ApiException(ApiProblem.BANK_NOT_FOUND, bank);
          }
        }
      }
      case OVERVIEW, POLICY -> {
        if (ScopePolicy.current().map(a -> a.role() == Role.BANK_OPERATOR).orElse(true)) {
          throw forbidden(type);
        }
        String region = request.requireRegion();
        if (!scope.canSeeRegion(region)) {
          throw new ApiException(ApiProblem.NOT_FOUND, "no bank is registered in region " + region);
        }
      }
    }
  }

  private static ApiException forbidden(ReportType type) {
    return new ApiException(ApiProblem.FORBIDDEN, "GET /api/v1/reports/" + type.word());
  }
}
