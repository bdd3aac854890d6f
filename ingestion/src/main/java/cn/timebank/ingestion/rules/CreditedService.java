package cn.timebank.ingestion.rules;

import cn.timebank.standards.hours.provider.ProviderService;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed service as the daily cap and the overlap rule see it across banks (by the provider's
 * person key), with what it is credited now: {@code credited} after the daily cap, split by the
 * storage cap into {@code toProvider} and {@code toPool}; {@code funding} is the account debited. A
 * service reversed by a {@code REVERSAL} record keeps its row with {@code reversed} set: it takes
 * no part in the cap or the overlaps until the reversal is itself superseded.
 */
public record CreditedService(
    RecordId id,
    PersonKey person,
    String providerRef,
    Account funding,
    LocalDateTime start,
    Optional<LocalDateTime> end,
    StandardMinutes weighted,
    StandardMinutes credited,
    StandardMinutes toProvider,
    StandardMinutes toPool,
    boolean reversed) {

  public CreditedService {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(providerRef, "providerRef");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (id.kind() != RecordKind.SERVICE) {
      throw new IllegalArgumentException(id + " is not a service");
    }
    if (credited.isNegative() || credited.compareTo(weighted) > 0) {
      throw new IllegalArgumentException(id + ": credited lies between 0 and weighted");
    }
    if (toProvider.isNegative()
        || toPool.isNegative()
        || !toProvider.plus(toPool).equals(credited)) {
      throw new IllegalArgumentException(id + ": provider and pool shares add up to credited");
    }
  }

  public LocalDate day() {
    return start.toLocalDate();
  }

  public RecordPosition position() {
    return new RecordPosition(start, RecordKind.SERVICE, id.ref());
  }

  public Account provider() {
    return Account.participant(providerRef);
  }

  /** The service as the standards' daily cap and overlap rules take it. */
  public ProviderService asProviderService() {
    return new ProviderService(id.bank().value(), id.ref(), start, end, weighted);
  }

  /** The same service credited {@code credited}, split {@code toProvider} / {@code toPool}. */
  public CreditedService withCredit(
      StandardMinutes credited, StandardMinutes toProvider, StandardMinutes toPool) {
    return new CreditedService(
        id,
        person,
        providerRef,
        funding,
        start,
        end,
        weighted,
        credited,
        toProvider,
        toPool,
        reversed);
  }

  public CreditedService withReversed(boolean reversed) {
    return new CreditedService(
        id,
        person,
        providerRef,
        funding,
        start,
        end,
        weighted,
        credited,
        toProvider,
        toPool,
        reversed);
  }
}
