package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordContext;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.model.ParticipantReader;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.ServiceReader;
import cn.timebank.standards.model.TransactionReader;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Batch and stream agree: the same raw records, once read and applied as a package would be (the
 * standards readers, the engine, {@link InMemoryLedgerState}) and once sent as events through the
 * topology in the same order, give the same code for every record and the same balance for every
 * account, in both layouts of the topology. (The month of the package covers every date and there
 * is no OPENING_BALANCE, so R110 and R119, which differ by design, do not arise.)
 */
class BatchStreamAgreementTests {

  private static final Period OCTOBER = Period.of(2026, 10);
  private final RecordEngine engine =
      new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn());

  @ParameterizedTest(name = "seed {0}, {1}")
  @CsvSource({"1, ONE_TASK", "2, ONE_TASK", "3, ONE_TASK", "1, REPARTITIONED", "2, REPARTITIONED"})
  void givesTheSameCodesAndBalancesAsTheBatch(long seed, LedgerTopology.Layout layout) {
    List<AgreementData.Raw> records = AgreementData.generate(seed);
    InMemoryLedgerState batch = new InMemoryLedgerState();
    Map<String, String> batchCodes = new LinkedHashMap<>();
    for (AgreementData.Raw raw : records) {
      batchCodes.put(id(raw), describe(batchOutcome(raw, batch)));
    }

    Map<String, String> streamCodes = new LinkedHashMap<>();
    Map<String, Long> streamBalances;
    try (LedgerDriver driver = new LedgerDriver(layout)) {
      Map<String, String> eventIds = new HashMap<>();
      for (AgreementData.Raw raw : records) {
        Map<String, Object> event = Events.envelope(raw.bank());
        event.putAll(raw.fields());
        eventIds.put((String) event.get("event_id"), id(raw));
        driver.send(raw.topic(), raw.bank() + ":" + raw.ref(), Events.json(event));
      }
      Map<String, String> rejects = new HashMap<>();
      driver.rejects().forEach(r -> rejects.put(eventIds.get(r.eventId()), r.code()));
      Map<String, List<String>> warnings = new HashMap<>();
      driver
          .alerts()
          .forEach(
              a ->
                  warnings
                      .computeIfAbsent(eventIds.get(a.eventId()), k -> new java.util.ArrayList<>())
                      .add(a.code()));
      for (AgreementData.Raw raw : records) {
        String id = id(raw);
        streamCodes.put(
            id,
            rejects.containsKey(id)
                ? rejects.get(id)
                : "OK" + warnings.getOrDefault(id, List.of()));
      }
      streamBalances = streamBalances(driver.ledger());
    }

    assertThat(streamCodes).containsExactlyEntriesOf(batchCodes);
    assertThat(streamBalances).isEqualTo(batchBalances(batch)).isNotEmpty();
    assertThat(batchCodes.values())
        .contains("R106", "R111", "OK[]")
        .anyMatch(c -> c.contains("W201"));
  }

  private Outcome batchOutcome(AgreementData.Raw raw, InMemoryLedgerState state) {
    BankRegistryEntry bank = Banks.entry(raw.bank(), BankStatus.ACTIVE);
    RecordContext context =
        RecordContext.ofPackage(
            bank, OCTOBER, raw.bank() + "/2026-10/1", Instant.parse("2026-11-03T02:00:00Z"));
    Outcome outcome =
        switch (raw.topic()) {
          case PARTICIPANTS ->
              engine.participant(
                  new ParticipantReader(raw.bank(), LedgerDriver.SECRET).read(raw.fields()),
                  context,
                  state);
          case SERVICES ->
              engine.service(
                  new ServiceReader(raw.bank(), bank.amountBasis()).read(raw.fields()),
                  context,
                  state);
          case TRANSACTIONS ->
              engine.transaction(
                  new TransactionReader(raw.bank()).read(raw.fields()), context, state);
        };
    if (outcome instanceof Outcome.Accepted accepted) {
      state.apply(accepted.effects());
    }
    return outcome;
  }

  private static String describe(Outcome outcome) {
    if (outcome instanceof Outcome.Rejected rejected) {
      return rejected.code().name();
    }
    if (outcome instanceof Outcome.Accepted accepted) {
      return "OK" + accepted.warnings().stream().map(Enum::name).toList();
    }
    return "OK[]";
  }

  private static String id(AgreementData.Raw raw) {
    return raw.topic().name() + " " + raw.bank() + " " + raw.ref();
  }

  private static Map<String, Long> batchBalances(InMemoryLedgerState state) {
    Map<String, Long> balances = new TreeMap<>();
    state
        .balances()
        .forEach(
            (bank, accounts) ->
                accounts.forEach(
                    (account, minutes) -> {
                      if (!minutes.isZero()) {
                        balances.put(bank + " " + label(account), minutes.value());
                      }
                    }));
    return balances;
  }

  private static String label(Account account) {
    return account.kind() + account.participantRef().map(ref -> " " + ref).orElse("");
  }

  private static Map<String, Long> streamBalances(List<LedgerEntry> ledger) {
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
