package cn.timebank.standards.hours.eligibility;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.ParticipantStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Spec §3.6 and §3.7: who may provide and who may receive, each rule a small function giving the
 * result code when it applies. Ages are in full years ({@link Ages}) on the date of the service's
 * start; the minimum ages come from the standard in force at that start. The balance check of a
 * redemption (R115) needs the ledger and lives there.
 */
public final class Eligibility {

  private final HourStandard standard;

  public Eligibility(HourStandard standard) {
    this.standard = Objects.requireNonNull(standard, "standard");
  }

  /** R111: the provider is under the provider minimum age (18) at the start. */
  public Optional<ResultCode> provider(LocalDate providerBirthDate, LocalDateTime start) {
    return Ages.fullYearsOn(providerBirthDate, start.toLocalDate())
            < standard.ages().providerMinAge()
        ? Optional.of(ResultCode.R111)
        : Optional.empty();
  }

  /** R117: a {@code BALANCE} redemption by a recipient under the redemption minimum age (60). */
  public Optional<ResultCode> redemption(
      Funding funding, LocalDate recipientBirthDate, LocalDateTime start) {
    return funding == Funding.BALANCE && underRedemptionAge(recipientBirthDate, start)
        ? Optional.of(ResultCode.R117)
        : Optional.empty();
  }

  /**
   * W206: an {@code ISSUED} or {@code POOL} service to a recipient under the redemption minimum age
   * (60) with {@code disability_level} 0.
   */
  public Optional<ResultCode> recipient(
      Funding funding, LocalDate recipientBirthDate, int disabilityLevel, LocalDateTime start) {
    if (disabilityLevel < 0 || disabilityLevel > 4) {
      throw new IllegalArgumentException("disability_level is 0-4, was " + disabilityLevel);
    }
    boolean issuedOrPool = funding == Funding.ISSUED || funding == Funding.POOL;
    return issuedOrPool && disabilityLevel == 0 && underRedemptionAge(recipientBirthDate, start)
        ? Optional.of(ResultCode.W206)
        : Optional.empty();
  }

  /** R116: the category requires a certificate that is not among the provider's. */
  public static Optional<ResultCode> qualification(
      Category category, Set<String> providerCertificates) {
    return category.certificate().filter(c -> !providerCertificates.contains(c)).isPresent()
        ? Optional.of(ResultCode.R116)
        : Optional.empty();
  }

  /**
   * R112: a participant is not {@code ACTIVE} on {@code day} when its status is SUSPENDED, LEFT or
   * DECEASED from a {@code statusDate} on or before that day. A non-active status without a date
   * (the canonical model does not allow it) counts from always. An ACTIVE participant is active
   * whatever its status date.
   */
  public static Optional<ResultCode> activeOn(
      ParticipantStatus status, Optional<LocalDate> statusDate, LocalDate day) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(day, "day");
    boolean inactive =
        status != ParticipantStatus.ACTIVE
            && statusDate.map(from -> !from.isAfter(day)).orElse(true);
    return inactive ? Optional.of(ResultCode.R112) : Optional.empty();
  }

  private boolean underRedemptionAge(LocalDate birthDate, LocalDateTime start) {
    return Ages.fullYearsOn(birthDate, start.toLocalDate()) < standard.ages().redemptionMinAge();
  }
}
