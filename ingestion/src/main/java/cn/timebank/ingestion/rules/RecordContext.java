package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a record comes from: the bank's registry entry, the package's period (empty for a stream
 * event: R110 is not applied, and R119 judges an event by its own month), the package id or stream
 * event id the postings name as their source, and when it was received. Whether the package is the
 * bank's first accepted package or a correction of it (R119) is read from the state ({@link
 * LedgerState#firstPackage}), so that batch and stream agree ({@code FirstPackages}).
 */
public record RecordContext(
    BankRegistryEntry bank, Optional<Period> period, String sourceId, Instant receivedAt) {

  public RecordContext {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (sourceId == null || sourceId.isBlank()) {
      throw new IllegalArgumentException("sourceId (package id or event id) is not blank");
    }
  }

  /** A record of a package of {@code period}. */
  public static RecordContext ofPackage(
      BankRegistryEntry bank, Period period, String packageId, Instant receivedAt) {
    return new RecordContext(bank, Optional.of(period), packageId, receivedAt);
  }

  /** A stream event. */
  public static RecordContext ofEvent(BankRegistryEntry bank, String eventId, Instant receivedAt) {
    return new RecordContext(bank, Optional.empty(), eventId, receivedAt);
  }

  public BankCode bankCode() {
    return bank.bankCode();
  }
}
