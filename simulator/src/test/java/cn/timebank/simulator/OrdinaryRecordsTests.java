package cn.timebank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.HourRequest;
import cn.timebank.standards.hours.HourResult;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.eligibility.Eligibility;
import cn.timebank.standards.hours.provider.DailyCap;
import cn.timebank.standards.hours.provider.DailyCredit;
import cn.timebank.standards.hours.provider.Overlaps;
import cn.timebank.standards.hours.provider.ProviderService;
import cn.timebank.standards.hours.storage.StorageCap;
import cn.timebank.standards.identity.ResidentIdNumber;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.Timestamps;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The promise the truth file makes: a record it does not list gets no code at all. Checked here,
 * independently of the generator, with {@code standards}' implementations of the rules of spec
 * §3-§4: {@link HourCalculator} (with the official holiday calendar), {@link Eligibility}, {@link
 * DailyCap} and {@link Overlaps} across banks by person, {@link StorageCap}; the registry read by
 * {@code RegistryFile}. Only R112, R114, R115 and W207 need a ledger and are summed here.
 */
class OrdinaryRecordsTests {

  private static final Set<String> FUNDING = Set.of("ISSUED", "BALANCE", "POOL");
  private static final Set<String> STATUS =
      Set.of("COMPLETED", "CANCELLED", "NO_SHOW_PROVIDER", "NO_SHOW_RECIPIENT", "DISPUTED");
  private static final Set<String> VERIFICATION =
      Set.of("SIGN_IN_OUT", "TWO_PARTY", "SUPERVISOR", "PAPER");

  private final Path out = SimulatedWorlds.faulty();
  private final Map<String, BankRegistryEntry> registry = Registered.banks(out);
  private final StandardVersions versions = StandardVersions.builtIn();
  private final HourStandard standard = versions.inForceOn(SimulatedWorlds.PERIOD.atDay(1));
  private final HourCalculator calculator =
      new HourCalculator(versions, OfficialHolidayCalendar.builtIn());
  private final Eligibility eligibility = new Eligibility(standard);
  private final Map<String, String> truth = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** An accepted service: the provider's person key, its truth key, and how the rules see it. */
  private record Service(String person, String key, ProviderService service, boolean completed) {}

  @Test
  void recordsTheTruthFileDoesNotListGetNoCode() {
    for (JsonNode t : SimulatedWorlds.truth(out)) {
      if (!t.get("source").asString().equals("bad-package")) {
        truth.put(
            t.get("package").asString()
                + "|"
                + t.get("file").asString()
                + "|"
                + t.get("line").asInt(),
            t.get("code").asString());
      }
    }
    YearMonth period = SimulatedWorlds.PERIOD;
    List<Service> accepted = new ArrayList<>();
    Map<String, Integer> opening = new HashMap<>();
    Map<String, Integer> spent = new HashMap<>();
    Map<String, Integer> credited = new HashMap<>();
    Map<String, String> personOf = new HashMap<>();
    List<String[]> transfersIn = new ArrayList<>();
    Set<String> transfersOut = new HashSet<>();
    int checked = 0;
    for (Path path : DeliveredPackage.list(out)) {
      DeliveredPackage pkg = DeliveredPackage.read(path);
      JsonNode manifest = pkg.manifest();
      if (!manifest.get("period").asString().equals(period.toString())) {
        continue;
      }
      String bankCode = manifest.get("bank_code").asString();
      BankRegistryEntry bank = registry.get(bankCode);
      AmountBasis basis = bank.amountBasis();
      Map<String, DeliveredPackage.Row> people = new HashMap<>();
      String participantsFile = pkg.fileOf("PARTICIPANTS");
      for (DeliveredPackage.Row p : pkg.rows("PARTICIPANTS")) {
        if (truth.containsKey(pkg.name() + "|" + participantsFile + "|" + p.line())) {
          continue;
        }
        people.put(p.get("participant_ref"), p);
        personOf.put(bankCode + "/" + p.get("participant_ref"), p.get("id_number"));
        if (p.get("id_type").equals("RESIDENT_ID")) {
          check(ResidentIdNumber.problemOf(p.get("id_number")).isEmpty(), pkg, p, "R108");
          check(
              ResidentIdNumber.parse(p.get("id_number"))
                  .birthDate()
                  .equals(LocalDate.parse(p.get("birth_date"))),
              pkg,
              p,
              "R109");
        }
      }
      String servicesFile = pkg.fileOf("SERVICES");
      Set<String> refs = new HashSet<>();
      for (DeliveredPackage.Row s : pkg.rows("SERVICES")) {
        boolean listed = truth.containsKey(pkg.name() + "|" + servicesFile + "|" + s.line());
        String code = truth.get(pkg.name() + "|" + servicesFile + "|" + s.line());
        boolean rejected = code != null && code.startsWith("R");
        if (!rejected) {
          refs.add(s.get("service_ref"));
        }
        if (rejected) {
          continue;
        }
        LocalDateTime start = time(s.get("start"));
        DeliveredPackage.Row provider = people.get(s.get("provider_ref"));
        DeliveredPackage.Row recipient = people.get(s.get("recipient_ref"));
        Optional<Category> category =
            bank.unifiedCategory(s.get("local_category"), start.toLocalDate())
                .flatMap(standard::category);
        check(provider != null && recipient != null && category.isPresent(), pkg, s, "R105/R106");
        if (provider == null || recipient == null || category.isEmpty()) {
          continue;
        }
        Optional<LocalDateTime> end =
            s.get("end").isEmpty() ? Optional.empty() : Optional.of(time(s.get("end")));
        HourResult result =
            calculator.calculate(
                new HourRequest(
                    basis,
                    category.get().code(),
                    start,
                    end,
                    amount(s.get("local_amount")),
                    bank.coinsPerHour()));
        if (!(result instanceof HourResult.Computed minutes)) {
          check(false, pkg, s, result.toString());
          continue;
        }
        boolean completed = s.get("status").equals("COMPLETED");
        String key = pkg.name() + "|" + servicesFile + "|" + s.line();
        accepted.add(
            new Service(
                provider.get("id_number"),
                key,
                new ProviderService(bankCode, s.get("service_ref"), start, end, minutes.weighted()),
                completed));
        if (listed) {
          continue;
        }
        checked++;
        check(
            FUNDING.contains(s.get("funding"))
                && STATUS.contains(s.get("status"))
                && VERIFICATION.contains(s.get("verification")),
            pkg,
            s,
            "R102");
        Funding funding = Funding.valueOf(s.get("funding"));
        LocalDate recipientBirth = LocalDate.parse(recipient.get("birth_date"));
        check(!s.get("provider_ref").equals(s.get("recipient_ref")), pkg, s, "R107");
        check(YearMonth.from(start).equals(period), pkg, s, "R110");
        check(
            eligibility.provider(LocalDate.parse(provider.get("birth_date")), start).isEmpty(),
            pkg,
            s,
            "R111");
        check(
            provider.get("status").equals("ACTIVE") && recipient.get("status").equals("ACTIVE"),
            pkg,
            s,
            "R112");
        Set<String> certificates = Set.of(provider.get("certificates").split(";"));
        check(Eligibility.qualification(category.get(), certificates).isEmpty(), pkg, s, "R116");
        check(eligibility.redemption(funding, recipientBirth, start).isEmpty(), pkg, s, "R117");
        check(!minutes.belowMinimum(), pkg, s, "W202");
        int lagDays = standard.schedule().recordingLagDays();
        check(!time(s.get("recorded_at")).isAfter(start.plusDays(lagDays)), pkg, s, "W205");
        int disability = Integer.parseInt(recipient.get("disability_level"));
        check(
            eligibility.recipient(funding, recipientBirth, disability, start).isEmpty(),
            pkg,
            s,
            "W206");
        int weighted = (int) minutes.weighted().value();
        if (completed) {
          credited.merge(bankCode + "/" + s.get("provider_ref"), weighted, Integer::sum);
          if (s.get("funding").equals("BALANCE")) {
            spent.merge(bankCode + "/" + s.get("recipient_ref"), weighted, Integer::sum);
          }
        }
      }
      String txnFile = pkg.fileOf("TRANSACTIONS");
      for (DeliveredPackage.Row t : pkg.rows("TRANSACTIONS")) {
        String code = truth.get(pkg.name() + "|" + txnFile + "|" + t.line());
        if (code != null && code.startsWith("R")) {
          continue;
        }
        String who = bankCode + "/" + t.get("participant_ref");
        int minutes = Integer.parseInt(t.get("standard_minutes"));
        LocalDateTime at = time(t.get("occurred_at"));
        check(
            YearMonth.from(at).equals(period)
                && minutes > 0
                && people.containsKey(t.get("participant_ref")),
            pkg,
            t,
            "R110/R106");
        switch (t.get("type")) {
          case "OPENING_BALANCE" -> {
            opening.merge(who, minutes, Integer::sum);
            if (code == null) {
              check(toPool(0, minutes) == 0, pkg, t, "W203");
            }
          }
          case "GIFT" -> {
            spent.merge(who, minutes, Integer::sum);
            credited.merge(bankCode + "/" + t.get("counterparty_ref"), minutes, Integer::sum);
          }
          case "DONATION", "TRANSFER_OUT" -> {
            spent.merge(who, minutes, Integer::sum);
            transfersOut.add(
                bankCode
                    + "|"
                    + people.get(t.get("participant_ref")).get("id_number")
                    + "|"
                    + minutes
                    + "|"
                    + at.toLocalDate());
          }
          case "TRANSFER_IN" -> {
            credited.merge(who, minutes, Integer::sum);
            if (code == null) {
              transfersIn.add(
                  new String[] {
                    t.get("counterparty_bank"),
                    people.get(t.get("participant_ref")).get("id_number"),
                    Integer.toString(minutes),
                    at.toLocalDate().toString(),
                    pkg.name() + " line " + t.line()
                  });
            }
          }
          case "REVERSAL" ->
              check(
                  code != null
                      || refsOfTransactions(pkg).contains(t.get("reverses_ref"))
                      || refs.contains(t.get("reverses_ref")),
                  pkg,
                  t,
                  "R114");
          default -> problems.add(pkg.name() + " line " + t.line() + ": type " + t.get("type"));
        }
      }
    }
    spent.forEach(
        (who, minutes) -> {
          if (minutes > opening.getOrDefault(who, 0)) {
            problems.add(
                who
                    + ": spends "
                    + minutes
                    + " with an opening balance of "
                    + opening.getOrDefault(who, 0)
                    + " (R115)");
          }
        });
    credited.forEach(
        (who, minutes) -> {
          if (toPool(opening.getOrDefault(who, 0), minutes) > 0) {
            problems.add(who + ": " + (opening.getOrDefault(who, 0) + minutes) + " minutes (W203)");
          }
        });
    for (String[] in : transfersIn) {
      boolean matched = false;
      int days = standard.schedule().transferMatchDays();
      for (int d = -days; d <= 0 && !matched; d++) {
        matched =
            transfersOut.contains(
                in[0] + "|" + in[1] + "|" + in[2] + "|" + LocalDate.parse(in[3]).plusDays(d));
      }
      if (!matched) {
        problems.add(in[4] + ": TRANSFER_IN without TRANSFER_OUT (W207)");
      }
    }
    checkDailyCapAndOverlaps(accepted);

    assertThat(checked).isGreaterThan(2500);
    assertThat(problems).isEmpty();
  }

  private Set<String> refsOfTransactions(DeliveredPackage pkg) {
    Set<String> refs = new HashSet<>();
    pkg.rows("TRANSACTIONS").forEach(r -> refs.add(r.get("txn_ref")));
    return refs;
  }

  /** Minutes of {@code credit} that would go to the pool on a balance of {@code balance}. */
  private long toPool(long balance, long credit) {
    return StorageCap.of(standard)
        .split(StandardMinutes.of(balance), StandardMinutes.of(credit))
        .toPool()
        .value();
  }

  /**
   * W201 exactly where {@link DailyCap} credits less than the weighted minutes (completed services,
   * per person across banks); W204 exactly where {@link Overlaps} flags (every accepted service).
   */
  private void checkDailyCapAndOverlaps(List<Service> accepted) {
    Map<String, List<Service>> byPerson = new HashMap<>();
    accepted.forEach(s -> byPerson.computeIfAbsent(s.person(), k -> new ArrayList<>()).add(s));
    for (List<Service> services : byPerson.values()) {
      Map<ProviderService, String> keys = new HashMap<>();
      services.forEach(s -> keys.put(s.service(), s.key()));
      List<ProviderService> completed =
          services.stream().filter(Service::completed).map(Service::service).toList();
      for (DailyCredit credit : DailyCap.perDay(completed, versions)) {
        boolean capped = credit.credited().compareTo(credit.service().weighted()) < 0;
        expect(capped, "W201", keys.get(credit.service()), credit.service());
      }
      Set<ProviderService> flagged =
          Overlaps.flagged(services.stream().map(Service::service).toList());
      for (Service s : services) {
        expect(flagged.contains(s.service()), "W204", s.key(), s.service());
      }
    }
  }

  private void expect(boolean applies, String code, String key, ProviderService service) {
    boolean listed = code.equals(truth.get(key));
    if (applies != listed) {
      problems.add(
          service.bankCode()
              + "/"
              + service.serviceRef()
              + (listed ? ": listed " + code + " but the rule does not apply" : ": " + code));
    }
  }

  private static Optional<BigDecimal> amount(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
  }

  private static LocalDateTime time(String text) {
    return Timestamps.parseLocal(text);
  }

  private void check(boolean ok, DeliveredPackage pkg, DeliveredPackage.Row row, String code) {
    if (!ok) {
      problems.add(pkg.name() + " line " + row.line() + ": " + code + " " + row.fields());
    }
  }
}
