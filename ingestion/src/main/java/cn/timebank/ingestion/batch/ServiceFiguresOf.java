package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ledger.store.ServiceFigures;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.HourRequest;
import cn.timebank.standards.hours.HourResult;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.util.Optional;

/**
 * The figures the canonical store keeps with an accepted service: the provider's person key, the
 * unified category, the standard's computation (the same calculator the engine used) and the
 * minutes credited after the daily cap now (from the engine's daily-cap row; none for a service
 * that moves no hours).
 */
public final class ServiceFiguresOf {

  private final HourCalculator calculator;

  public ServiceFiguresOf(HourCalculator calculator) {
    this.calculator = calculator;
  }

  public ServiceFigures of(Service s, BankRegistryEntry bank, Effects effects, LedgerState state) {
    String providerKey =
        state
            .participant(s.bankCode(), s.providerRef())
            .map(p -> p.personKey().value())
            .orElse(null);
    Optional<String> unified = bank.unifiedCategory(s.localCategory(), s.day());
    RecordId id = RecordId.service(s.bankCode(), s.serviceRef());
    Long credited =
        effects.credited().stream()
            .filter(row -> row.id().equals(id))
            .map(CreditedService::credited)
            .map(m -> m.value())
            .findFirst()
            .orElse(null);
    if (unified.isEmpty()) {
      return new ServiceFigures(providerKey, null, null, null, null, null, null, credited);
    }
    HourResult result =
        calculator.calculate(
            new HourRequest(
                bank.amountBasis(),
                unified.get(),
                s.start(),
                s.end(),
                s.localAmount(),
                bank.coinsPerHour()));
    if (!(result instanceof HourResult.Computed computed)) {
      return new ServiceFigures(providerKey, unified.get(), null, null, null, null, null, credited);
    }
    return new ServiceFigures(
        providerKey,
        unified.get(),
        computed.version(),
        computed.band().name(),
        computed.actualMinutes().isPresent() ? computed.actualMinutes().getAsLong() : null,
        computed.billableMinutes(),
        computed.weighted().value(),
        credited);
  }
}
