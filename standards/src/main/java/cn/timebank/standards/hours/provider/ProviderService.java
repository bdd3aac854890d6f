package cn.timebank.standards.hours.provider;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted service of a provider, in any bank (same person key), as the provider-level rules
 * see it: bank and ref, start and end in Asia/Shanghai local time (no end for a {@code PER_SERVICE}
 * service without one), and its weighted minutes before the daily cap.
 */
public record ProviderService(
    String bankCode,
    String serviceRef,
    LocalDateTime start,
    Optional<LocalDateTime> end,
    StandardMinutes weighted) {

  /** Spec §3.4: by start, then bank code, then service_ref, strings by code point. */
  public static final Comparator<ProviderService> DAILY_CAP_ORDER =
      Comparator.comparing(ProviderService::start)
          .thenComparing(ProviderService::bankCode, CodePointOrder.INSTANCE)
          .thenComparing(ProviderService::serviceRef, CodePointOrder.INSTANCE);

  public ProviderService {
    Objects.requireNonNull(bankCode, "bankCode");
    Objects.requireNonNull(serviceRef, "serviceRef");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(weighted, "weighted");
    if (weighted.isNegative()) {
      throw new IllegalArgumentException(serviceRef + ": weighted minutes are never negative");
    }
    if (end.isPresent() && !end.get().isAfter(start)) {
      throw new IllegalArgumentException(serviceRef + ": end is not after start (R103)");
    }
  }

  /** Fails when two services share bank and ref: the rules need each service once. */
  static void requireOnce(Collection<ProviderService> services) {
    Set<String> seen = new HashSet<>();
    for (ProviderService service : services) {
      if (!seen.add(service.bankCode() + "\u0000" + service.serviceRef())) {
        throw new IllegalArgumentException(
            "service " + service.bankCode() + "/" + service.serviceRef() + " is given twice");
      }
    }
  }
}
