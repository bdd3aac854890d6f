package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordContext;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.model.ParticipantReader;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.ServiceReader;
import cn.timebank.standards.model.TransactionReader;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two sides of the agreement tests on {@link AgreementData}: a record applied as a package
 * would apply it (the standards readers, the engine, a {@link LedgerState}), and records sent as
 * events through a {@link LedgerDriver}; each described the same way.
 */
final class Agreement {

  static final Period OCTOBER = Period.of(2026, 10);

  private Agreement() {}

  /** The record through the batch's readers and engine in package {@code packageId}. */
  static Outcome batchOutcome(
      RecordEngine engine, AgreementData.Raw raw, LedgerState state, String packageId) {
    BankRegistryEntry bank = Banks.entry(raw.bank(), BankStatus.ACTIVE);
    RecordContext context =
        RecordContext.ofPackage(bank, OCTOBER, packageId, Instant.parse("2026-11-03T02:00:00Z"));
    return switch (raw.topic()) {
      case PARTICIPANTS ->
          engine.participant(
              new ParticipantReader(raw.bank(), LedgerDriver.SECRET).read(raw.fields()),
              context,
              state);
      case SERVICES ->
          engine.service(
              new ServiceReader(raw.bank(), bank.amountBasis()).read(raw.fields()), context, state);
      case TRANSACTIONS ->
          engine.transaction(new TransactionReader(raw.bank()).read(raw.fields()), context, state);
    };
  }

  /** {@code R…} for a rejected record, {@code OK[W…]} for an accepted or confirmed one. */
  static String describe(Outcome outcome) {
    if (outcome instanceof Outcome.Rejected rejected) {
      return rejected.code().name();
    }
    if (outcome instanceof Outcome.Accepted accepted) {
      return "OK" + accepted.warnings().stream().map(Enum::name).toList();
    }
    return "OK[]";
  }

  static String id(AgreementData.Raw raw) {
    return raw.topic().name() + " " + raw.bank() + " " + raw.ref();
  }

  /** Sends the records as events and describes each as {@link #describe} does. */
  static Map<String, String> streamCodes(LedgerDriver driver, List<AgreementData.Raw> records) {
    return codes(driver, records, send(driver, records));
  }

  /** Sends the records as events: the record's id by event id. */
  static Map<String, String> send(LedgerDriver driver, List<AgreementData.Raw> records) {
    Map<String, String> eventIds = new HashMap<>();
    for (AgreementData.Raw raw : records) {
      Map<String, Object> event = Events.envelope(raw.bank());
      event.putAll(raw.fields());
      eventIds.put((String) event.get("event_id"), id(raw));
      driver.send(raw.topic(), raw.bank() + ":" + raw.ref(), Events.json(event));
    }
    return eventIds;
  }

  /** The outcomes of the events sent so far, described as {@link #describe} does. */
  static Map<String, String> codes(
      LedgerDriver driver, List<AgreementData.Raw> records, Map<String, String> eventIds) {
    Map<String, String> rejects = new HashMap<>();
    driver.rejects().forEach(r -> rejects.put(eventIds.get(r.eventId()), r.code()));
    Map<String, List<String>> warnings = new HashMap<>();
    driver
        .alerts()
        .forEach(
            a ->
                warnings
                    .computeIfAbsent(eventIds.get(a.eventId()), k -> new ArrayList<>())
                    .add(a.code()));
    Map<String, String> codes = new LinkedHashMap<>();
    for (AgreementData.Raw raw : records) {
      String id = id(raw);
      codes.put(
          id,
          rejects.containsKey(id) ? rejects.get(id) : "OK" + warnings.getOrDefault(id, List.of()));
    }
    return codes;
  }

  /** The non-zero balances of a state, by {@code "<bank> <kind>[ <participant>]"}. */
  static Map<String, Long> balances(InMemoryLedgerState state) {
    Map<String, Long> balances = new TreeMap<>();
    state
        .balances()
        .forEach(
            (bank, accounts) ->
                accounts.forEach(
                    (account, minutes) ->
                        balances.merge(bank + " " + label(account), minutes.value(), Long::sum)));
    balances.values().removeIf(v -> v == 0);
    return balances;
  }

  private static String label(Account account) {
    return account.kind() + account.participantRef().map(ref -> " " + ref).orElse("");
  }

  /** The non-zero balances of a ledger topic's entries, keyed as {@link #balances}. */
  static Map<String, Long> balances(List<LedgerEntry> ledger) {
    Map<String, Long> balances = new TreeMap<>();
    for (LedgerEntry entry : ledger) {
      for (LedgerEntry.LedgerLine line : entry.lines()) {
        String account =
            entry.bankCode()
                + " "
                + line.accountKind()
                + (line.participantRef() == null ? "" : " " + line.participantRef());
        balances.merge(account, line.minutes(), Long::sum);
      }
    }
    balances.values().removeIf(v -> v == 0);
    return balances;
  }
}
