package cn.timebank.app.access;

import cn.timebank.app.report.ReportType;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which banks, regions and kinds of data a caller may see. Endpoints ask
 * it about the caller of the current request ({@link #canSeeBank(String)}, ...); the demo and tests
 * ask about a given {@link Accessor}.
 *
 * <ul>
 *   <li>{@link Role#ADMIN}: every bank and region.
 *   <li>{@link Role#BANK_OPERATOR}: its own bank codes; no region as a whole.
 *   <li>{@link Role#CIVIL_AFFAIRS_REVIEWER}: the registered banks whose region code starts with its
 *       prefix, and the regions under its prefix.
 *   <li>{@link Role#POLICYMAKER}: no single bank; every region, but aggregates only ({@link
 *       #mayFetchParticipantData} is false).
 * </ul>
 *
 * A bank outside the caller's scope is answered as if it did not exist (the endpoint's 404), so
 * that a caller cannot learn which banks or packages exist beyond its scope.
 */
@Component
public class ScopePolicy {

  private final RegistryStore registry;

  public ScopePolicy(RegistryStore registry) {
    this.registry = registry;
  }

  /** The caller of the current request, if it authenticated through this package. */
  public static Optional<Accessor> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Accessor accessor) {
      return Optional.of(accessor);
    }
    return Optional.empty();
  }

  /** Whether the current caller may see the bank (false without a caller). */
  public boolean canSeeBank(@Nullable String bankCode) {
    return current().map(a -> canSeeBank(a, bankCode)).orElse(false);
  }

  /** Whether the current caller may see the region (a 2-6 digit region code or prefix). */
  public boolean canSeeRegion(@Nullable String regionPrefix) {
    return current().map(a -> canSeeRegion(a, regionPrefix)).orElse(false);
  }

  /** Whether the current caller may fetch participant-level data, statements, rejected records. */
  public boolean mayFetchParticipantData() {
    return current().map(ScopePolicy::mayFetchParticipantData).orElse(false);
  }

  public boolean canSeeBank(Accessor accessor, @Nullable String bankCode) {
    if (bankCode == null) {
      return accessor.role() == Role.ADMIN;
    }
    return switch (accessor.role()) {
      case ADMIN -> true;
      case BANK_OPERATOR -> accessor.banks().contains(bankCode);
      case CIVIL_AFFAIRS_REVIEWER ->
          regionOf(bankCode).map(r -> r.startsWith(accessor.regionPrefix())).orElse(false);
      case POLICYMAKER -> false;
    };
  }

  public static boolean canSeeRegion(Accessor accessor, @Nullable String regionPrefix) {
    if (regionPrefix == null || regionPrefix.isEmpty()) {
      // all regions at once
      return accessor.role() == Role.ADMIN || accessor.role() == Role.POLICYMAKER;
    }
    return switch (accessor.role()) {
      case ADMIN, POLICYMAKER -> true;
      case CIVIL_AFFAIRS_REVIEWER -> regionPrefix.startsWith(accessor.regionPrefix());
      case BANK_OPERATOR -> false;
    };
  }

  public static boolean mayFetchParticipantData(Accessor accessor) {
    return accessor.role() != Role.POLICYMAKER;
  }

  /**
   * Whether the caller's role may ask for reports of this type at all (403 {@code E_FORBIDDEN}
   * otherwise): a POLICYMAKER only the aggregates (overview, policy); a BANK_OPERATOR not the
   * regional aggregates; the others all types.
   */
  public boolean mayRequestReport(ReportType type) {
    return current().map(a -> mayRequestReport(a, type)).orElse(false);
  }

  /**
   * Whether the report's subject is in the caller's scope (else the endpoint answers its 404, as
   * for an unknown bank or package): the bank of a receipt (pass the receipt's bank code), a
   * compliance report or a statement; the region of an overview or policy report (null: all
   * regions), and its bank when one is given.
   */
  public boolean canSeeReport(ReportType type, @Nullable String bank, @Nullable String region) {
    return current().map(a -> canSeeReport(a, type, bank, region)).orElse(false);
  }

  public static boolean mayRequestReport(Accessor accessor, ReportType type) {
    return switch (accessor.role()) {
      case ADMIN, CIVIL_AFFAIRS_REVIEWER -> true;
      case POLICYMAKER -> type == ReportType.OVERVIEW || type == ReportType.POLICY;
      case BANK_OPERATOR -> type != ReportType.OVERVIEW && type != ReportType.POLICY;
    };
  }

  public boolean canSeeReport(
      Accessor accessor, ReportType type, @Nullable String bank, @Nullable String region) {
    if (!mayRequestReport(accessor, type)) {
      return false;
    }
    return switch (type) {
      case RECEIPT, COMPLIANCE, STATEMENT -> canSeeBank(accessor, bank);
      case OVERVIEW, POLICY ->
          canSeeRegion(accessor, region) && (bank == null || canSeeBankOrAggregate(accessor, bank));
    };
  }

  /** A POLICYMAKER sees a bank within an aggregate (its figures beside others'), not alone. */
  private boolean canSeeBankOrAggregate(Accessor accessor, String bank) {
    return accessor.role() == Role.POLICYMAKER || canSeeBank(accessor, bank);
  }

  private Optional<String> regionOf(String bankCode) {
    if (!BankCode.isValid(bankCode)) {
      return Optional.empty();
    }
    return registry.find(BankCode.of(bankCode)).map(BankRegistryEntry::regionCode);
  }
}
