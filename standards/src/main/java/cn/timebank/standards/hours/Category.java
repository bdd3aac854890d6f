package cn.timebank.standards.hours;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One category of the unified service catalogue (spec §3): its code, names, weight, the minutes one
 * service counts for a {@code PER_SERVICE} bank, and the certificate a provider must hold, if any
 * (§3.7, R116).
 */
public record Category(
    String code,
    String nameZh,
    String nameEn,
    BigDecimal weight,
    int normMinutes,
    Optional<String> certificate) {

  public Category {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(nameZh, "nameZh");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(certificate, "certificate");
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("a category code is upper-case: " + code);
    }
    if (weight.signum() <= 0) {
      throw new IllegalArgumentException(code + ": the weight must be positive");
    }
    if (normMinutes <= 0) {
      throw new IllegalArgumentException(code + ": the norm minutes must be positive");
    }
  }

  /** True when a provider must hold a certificate to serve in this category. */
  public boolean requiresCertificate() {
    return certificate.isPresent();
  }
}
