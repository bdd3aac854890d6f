package cn.timebank.app.audit;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.audit.StoredAuditEvent;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The application's door to the audit trail: records what a {@link Caller} did. Without a caller
 * given, it is the sender of the HTTP request being served, or else whoever runs the command line.
 *
 * <p>The security feature calls {@code auditor.record(AuditAction.USER_ADD, userName, null, "roles
 * ...")} (and {@code TOKEN_CREATE}, {@code TOKEN_REVOKE} with the token's id, never its secret)
 * after the change is stored.
 */
@Component
public class Auditor {

  private final AuditTrail trail;

  public Auditor(AuditTrail trail) {
    this.trail = trail;
  }

  /** Records {@code action} on {@code target} by the {@linkplain Caller#current current caller}. */
  public StoredAuditEvent record(
      AuditAction action, String target, @Nullable String bankCode, String detail) {
    return record(Caller.current(), action, target, bankCode, detail);
  }

  public StoredAuditEvent record(
      Caller caller, AuditAction action, String target, @Nullable String bankCode, String detail) {
    return trail.record(caller.actor(), caller.origin(), action, target, bankCode, detail);
  }

  /** An upload that was processed: its package id, status and counts. */
  public StoredAuditEvent upload(Caller caller, String deliveryName, Receipt receipt) {
    String codes =
        receipt.counts().codes().entrySet().stream()
            .map(e -> e.getKey() + "×" + e.getValue())
            .collect(Collectors.joining(" "));
    long accepted = receipt.counts().files().values().stream().mapToLong(f -> f.accepted()).sum();
    return record(
        caller,
        AuditAction.UPLOAD,
        receipt.packageId(),
        receipt.bankCode(),
        "status "
            + receipt.status()
            + ", file "
            + deliveryName
            + ", period "
            + (receipt.period() == null ? "-" : receipt.period())
            + ", sequence "
            + (receipt.sequence() == null ? "-" : receipt.sequence())
            + ", accepted "
            + accepted
            + (codes.isEmpty() ? "" : ", codes " + codes));
  }

  /** An upload whose run failed (no receipt): the delivery's name and the reason. */
  public StoredAuditEvent uploadFailed(Caller caller, String deliveryName, Exception failure) {
    return record(
        caller,
        AuditAction.UPLOAD,
        deliveryName,
        null,
        "status FAILED, "
            + (failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getMessage()));
  }

  /**
   * An upload refused before anything was stored because its manifest names a bank beyond the
   * caller's scope (the caller was answered as for an unknown bank).
   */
  public StoredAuditEvent uploadRefused(Caller caller, String deliveryName, String bankCode) {
    return record(
        caller,
        AuditAction.UPLOAD,
        deliveryName,
        bankCode,
        "status REFUSED, bank " + bankCode + " is beyond the caller's scope (answered 404)");
  }
}
