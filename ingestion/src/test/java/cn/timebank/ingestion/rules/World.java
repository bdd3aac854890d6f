package cn.timebank.ingestion.rules;

import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.identity.PersonKeySecret;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.Gender;
import cn.timebank.standards.model.IdType;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.ParticipantRole;
import cn.timebank.standards.model.ParticipantStatus;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.ServiceStatus;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionType;
import cn.timebank.standards.model.Verification;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small world for engine tests: two DURATION banks with the same category mapping, people with
 * OTHER-type ids (the person key is what matters), builders for records, and a state under test (in
 * memory, or in a database) that applies what the engine accepts.
 */
final class World {

  static final BankCode A = BankCode.of("310109-001");
  static final BankCode B = BankCode.of("430102-001");
  static final BankCode C = BankCode.of("110105-001");
  static final Period OCTOBER = Period.of(2026, 10);
  static final LocalDate DAY = LocalDate.of(2026, 10, 13); // an ordinary Tuesday
  static final PersonKeySecret SECRET = PersonKeySecret.of("engine-test-secret-16+");
  static final Map<String, String> MAPPING =
      Map.of(
          "SHZL", "LIVING_ASSIST",
          "ZY", "PERSONAL_CARE",
          "WY", "CULTURE_RECREATION",
          "PZ", "MEDICAL_ESCORT",
          "JS", "EMOTIONAL_SUPPORT",
          "AQ", "SAFETY_VISIT",
          "HL", "SKILLED_NURSING");
  private static final PublicKey KEY = publicKey();

  final RecordEngine engine =
      new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn());
  final StateUnderTest state;
  final List<Outcome> outcomes = new ArrayList<>();

  World(StateUnderTest state) {
    this.state = state;
  }

  static BankRegistryEntry registry(BankCode bank) {
    return new BankRegistryEntry(
        bank,
        "bank " + bank,
        bank.districtCode(),
        BankStatus.ACTIVE,
        LocalDate.of(2024, 1, 1),
        AmountBasis.DURATION,
        Optional.empty(),
        List.of(new BankKey("k1", KEY, LocalDate.of(2024, 1, 1), Optional.empty())),
        List.of(new CategoryMapping(LocalDate.of(2024, 1, 1), MAPPING)));
  }

  static RecordContext pkg(BankCode bank) {
    return pkg(bank, OCTOBER);
  }

  static RecordContext pkg(BankCode bank, Period period) {
    return RecordContext.ofPackage(
        registry(bank), period, bank + "/" + period + "/1", Instant.parse("2026-11-05T01:00:00Z"));
  }

  static RecordContext event(BankCode bank, String id) {
    return RecordContext.ofEvent(registry(bank), id, Instant.parse("2026-10-20T01:00:00Z"));
  }

  static PersonKey person(String name) {
    return PersonKey.of("ID-" + name, SECRET);
  }

  /** An active provider-and-recipient born 1990, holding CARE_BASIC. */
  static Participant participant(BankCode bank, String ref, String person) {
    return participant(bank, ref, person, LocalDate.of(1990, 1, 1), ParticipantStatus.ACTIVE, null);
  }

  static Participant participant(
      BankCode bank,
      String ref,
      String person,
      LocalDate birth,
      ParticipantStatus status,
      LocalDate statusDate) {
    return participant(bank, ref, person, birth, status, statusDate, 0, Set.of("CARE_BASIC"));
  }

  static Participant participant(
      BankCode bank,
      String ref,
      String person,
      LocalDate birth,
      ParticipantStatus status,
      LocalDate statusDate,
      int disability,
      Set<String> certificates) {
    return new Participant(
        bank,
        ref,
        IdType.OTHER,
        person(person),
        "ID****"
            + (person.length() >= 2 ? person.substring(person.length() - 2) : "00").toUpperCase(),
        Optional.empty(),
        Gender.F,
        birth,
        bank.districtCode(),
        ParticipantRole.BOTH,
        LocalDate.of(2024, 2, 1),
        status,
        Optional.ofNullable(statusDate),
        false,
        false,
        disability,
        certificates);
  }

  /** An elderly recipient born 1950 with no disability. */
  static Participant elder(BankCode bank, String ref, String person) {
    return participant(bank, ref, person, LocalDate.of(1950, 1, 1), ParticipantStatus.ACTIVE, null);
  }

  static Service service(
      BankCode bank,
      String ref,
      String provider,
      String recipient,
      String category,
      LocalDateTime start,
      LocalDateTime end) {
    return service(
        bank,
        ref,
        provider,
        recipient,
        category,
        start,
        end,
        Funding.ISSUED,
        ServiceStatus.COMPLETED);
  }

  static Service service(
      BankCode bank,
      String ref,
      String provider,
      String recipient,
      String category,
      LocalDateTime start,
      LocalDateTime end,
      Funding funding,
      ServiceStatus status) {
    return new Service(
        bank,
        ref,
        provider,
        recipient,
        category,
        start,
        Optional.of(end),
        Optional.empty(),
        funding,
        status,
        Verification.TWO_PARTY,
        Optional.empty(),
        Optional.empty(),
        Optional.of(end.plusHours(1)));
  }

  /** A LIVING_ASSIST service (weight 1.0) on {@link #DAY} from {@code hour} of {@code minutes}. */
  static Service living(BankCode bank, String ref, String provider, int hour, int minutes) {
    LocalDateTime start = DAY.atTime(hour, 0);
    return service(bank, ref, provider, "R1", "SHZL", start, start.plusMinutes(minutes));
  }

  static Transaction txn(
      BankCode bank,
      String ref,
      TransactionType type,
      String participant,
      long minutes,
      LocalDateTime at) {
    return txn(bank, ref, type, participant, minutes, at, null, null, null);
  }

  static Transaction txn(
      BankCode bank,
      String ref,
      TransactionType type,
      String participant,
      long minutes,
      LocalDateTime at,
      String counterparty,
      BankCode counterpartyBank,
      String reverses) {
    return new Transaction(
        bank,
        ref,
        type,
        participant,
        Optional.ofNullable(counterparty),
        Optional.ofNullable(counterpartyBank),
        StandardMinutes.of(minutes),
        at,
        Optional.ofNullable(reverses),
        Optional.empty());
  }

  // ---- driving the engine: every accepted outcome is applied at once ----

  Outcome participants(RecordContext context, Participant... participants) {
    Outcome last = null;
    for (Participant participant : participants) {
      last = applied(engine.participant(participant, List.of(), context, state));
    }
    return last;
  }

  Outcome service(RecordContext context, Service service) {
    return applied(engine.service(service, List.of(), context, state));
  }

  Outcome transaction(RecordContext context, Transaction transaction) {
    return applied(engine.transaction(transaction, List.of(), context, state));
  }

  void supersede(BankCode bank, Period period) {
    state.apply(engine.supersede(bank, period, bank + "/" + period + "/2", state));
  }

  Outcome applied(Outcome outcome) {
    outcomes.add(outcome);
    if (outcome instanceof Outcome.Accepted accepted) {
      state.apply(accepted.effects());
    }
    return outcome;
  }

  long balance(BankCode bank, String participantRef) {
    return state.balance(bank, Account.participant(participantRef)).value();
  }

  long balance(BankCode bank, Account account) {
    return state.balance(bank, account).value();
  }

  /** The sum of every bank's lines: zero when every posting balances. */
  void assertEveryBankSumsToZero() {
    state
        .balances()
        .forEach(
            (bank, accounts) -> {
              long sum = accounts.values().stream().mapToLong(StandardMinutes::value).sum();
              if (sum != 0) {
                throw new AssertionError(bank + " sums to " + sum);
              }
            });
  }

  private static PublicKey publicKey() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
