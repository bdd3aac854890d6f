package cn.timebank.reporting.compliance;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ledger.verify.ChainVerification;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One bank's compliance in one period.
 *
 * @param receipts the receipts of the period's packages, in sequence order
 * @param findings finding code → number of findings reported under the bank
 * @param liability the hour liability (minutes) at the end of each of the 12 periods ending with
 *     this one, oldest first
 * @param audit the bank's audit events recorded since the period began, oldest first, at most
 *     {@link ComplianceReportQuery#AUDIT_EVENTS} (the latest)
 */
public record Compliance(
    String bankCode,
    String bankName,
    String regionCode,
    String period,
    List<Receipt> receipts,
    List<CodeCount> findings,
    ChainVerification chain,
    List<PeriodAmount> liability,
    Optional<Rating> rating,
    List<AuditLine> audit) {

  public Compliance {
    audit = List.copyOf(audit);
    receipts = List.copyOf(receipts);
    findings = List.copyOf(findings);
    liability = List.copyOf(liability);
  }

  public record CodeCount(String code, long count) {}

  /** One audit event: when, who from where, which action ({@code AuditAction} name) on what. */
  public record AuditLine(Instant at, String actor, String origin, String action, String target) {}

  public record PeriodAmount(String period, long minutes) {}

  /** The stored rating: five criteria (0–100), the total and grade, and the figures behind them. */
  public record Rating(
      String version,
      BigDecimal punctuality,
      BigDecimal completeness,
      BigDecimal accuracy,
      BigDecimal stability,
      BigDecimal plausibility,
      BigDecimal total,
      String grade,
      long daysLate,
      long filesExpected,
      long filesDelivered,
      long recordsRead,
      long recordsRejected,
      long recordsAccepted,
      long recordsNamed,
      long corrections) {}
}
