package cn.timebank.standards.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A service record as the regulator keeps it (spec §2 SERVICES). Times are Asia/Shanghai local
 * times. Whether {@code end} and {@code localAmount} must be present depends on the bank's {@link
 * AmountBasis}; {@link ServiceReader} checks that, this record only that what is present is sane.
 * That {@code end} is after {@code start} is rule R103 of the calculator, not a constructor check.
 *
 * @param localCategory the bank's own category code, mapped through the registry (R105)
 * @param localAmount coins ({@code COINS}) or a count of services ({@code PER_SERVICE}); > 0, kept
 *     without trailing zeros so that CSV {@code 6} and JSON {@code 6.0} are the same value
 * @param rating 1 to 5, by the recipient
 */
public record Service(
    BankCode bankCode,
    String serviceRef,
    String providerRef,
    String recipientRef,
    String localCategory,
    LocalDateTime start,
    Optional<LocalDateTime> end,
    Optional<BigDecimal> localAmount,
    Funding funding,
    ServiceStatus status,
    Verification verification,
    Optional<Integer> rating,
    Optional<String> locationRegion,
    Optional<LocalDateTime> recordedAt) {

  public Service {
    Checks.present(bankCode, "bank_code");
    Checks.ref(serviceRef, "service_ref");
    Checks.ref(providerRef, "provider_ref");
    Checks.ref(recipientRef, "recipient_ref");
    Checks.ref(localCategory, "local_category");
    Checks.present(start, "start");
    Checks.optional(end, "end");
    Checks.optional(localAmount, "local_amount")
        .ifPresent(
            amount -> {
              if (amount.signum() <= 0) {
                throw new IllegalArgumentException(
                    "local_amount must be > 0 (was " + amount.toPlainString() + ")");
              }
            });
    localAmount = localAmount.map(Service::canonical);
    Checks.present(funding, "funding");
    Checks.present(status, "status");
    Checks.present(verification, "verification");
    Checks.optional(rating, "rating")
        .ifPresent(
            r -> {
              if (r < 1 || r > 5) {
                throw new IllegalArgumentException("rating must be 1 to 5 (was " + r + ")");
              }
            });
    Checks.optional(locationRegion, "location_region")
        .ifPresent(r -> Checks.region(r, "location_region"));
    Checks.optional(recordedAt, "recorded_at");
  }

  /** One form per value, whatever its notation: 6, 6.0 and 6E0 are all 6; 600 stays 600. */
  private static BigDecimal canonical(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** The day the service starts: the day of the daily cap and the time band (spec §3). */
  public java.time.LocalDate day() {
    return start.toLocalDate();
  }
}
