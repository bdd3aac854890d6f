package cn.timebank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.identity.ResidentIdNumber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The promise the truth file makes: a record it does not list gets no code at all. Checked here
 * with the record rules of spec §3-§4 re-stated from the spec (daily cap, overlaps and balances
 * across banks included); W201 is checked against the national-day holidays the simulator plants.
 */
class OrdinaryRecordsTests {

  private static final Set<String> FUNDING = Set.of("ISSUED", "BALANCE", "POOL");
  private static final Set<String> STATUS =
      Set.of("COMPLETED", "CANCELLED", "NO_SHOW_PROVIDER", "NO_SHOW_RECIPIENT", "DISPUTED");
  private static final Set<String> VERIFICATION =
      Set.of("SIGN_IN_OUT", "TWO_PARTY", "SUPERVISOR", "PAPER");

  private final Path out = SimulatedWorlds.faulty();
  private final JsonNode registry = SimulatedWorlds.json(out.resolve("registry.json"));
  private final Map<String, String> truth = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  private record Service(
      String bank,
      String ref,
      String person,
      String key,
      LocalDateTime start,
      LocalDateTime end,
      int weighted,
      boolean completed) {}

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
      JsonNode bank = PackageChecks.bank(registry, bankCode);
      String basis = bank.get("amount_basis").asString();
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
        String unified = unified(bank, s.get("local_category"), start.toLocalDate());
        check(provider != null && recipient != null && unified != null, pkg, s, "R105/R106");
        if (provider == null || recipient == null || unified == null) {
          continue;
        }
        Catalogue category = Catalogue.valueOf(unified);
        int actual =
            s.get("end").isEmpty()
                ? 0
                : (int) Duration.between(start, time(s.get("end"))).toMinutes();
        int billable =
            switch (basis) {
              case "COINS" ->
                  Catalogue.billable(
                      Integer.parseInt(s.get("local_amount"))
                          * 60
                          / bank.get("coins_per_hour").asInt());
              case "PER_SERVICE" ->
                  Integer.parseInt(s.get("local_amount")) * category.normMinutes();
              default -> Catalogue.billable(actual);
            };
        LocalDateTime end =
            s.get("end").isEmpty() ? start.plusMinutes(billable) : time(s.get("end"));
        boolean night = start.getHour() >= 22 || start.getHour() < 6;
        int weighted =
            category.weighted(
                billable, night || Holidays.isNationalDayBreak(start.toLocalDate()) ? 125 : 100);
        boolean completed = s.get("status").equals("COMPLETED");
        accepted.add(
            new Service(
                bankCode,
                s.get("service_ref"),
                provider.get("id_number"),
                pkg.name() + "|" + servicesFile + "|" + s.line(),
                start,
                end,
                weighted,
                completed));
        if (listed) {
          continue;
        }
        checked++;
        int recipientAge =
            Period.between(LocalDate.parse(recipient.get("birth_date")), start.toLocalDate())
                .getYears();
        check(
            FUNDING.contains(s.get("funding"))
                && STATUS.contains(s.get("status"))
                && VERIFICATION.contains(s.get("verification")),
            pkg,
            s,
            "R102");
        check(basis.equals("PER_SERVICE") || end.isAfter(start), pkg, s, "R103");
        check(actual <= 480 && billable <= 480, pkg, s, "R104");
        check(!s.get("provider_ref").equals(s.get("recipient_ref")), pkg, s, "R107");
        check(YearMonth.from(start).equals(period), pkg, s, "R110");
        check(
            Period.between(LocalDate.parse(provider.get("birth_date")), start.toLocalDate())
                    .getYears()
                >= 18,
            pkg,
            s,
            "R111");
        check(
            provider.get("status").equals("ACTIVE") && recipient.get("status").equals("ACTIVE"),
            pkg,
            s,
            "R112");
        check(
            category.certificate().map(c -> provider.get("certificates").contains(c)).orElse(true),
            pkg,
            s,
            "R116");
        check(!s.get("funding").equals("BALANCE") || recipientAge >= 60, pkg, s, "R117");
        check(billable >= 30, pkg, s, "W202");
        check(!time(s.get("recorded_at")).isAfter(start.plusDays(30)), pkg, s, "W205");
        check(
            s.get("funding").equals("BALANCE")
                || recipientAge >= 60
                || !recipient.get("disability_level").equals("0"),
            pkg,
            s,
            "W206");
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
              check(minutes <= 90_000, pkg, t, "W203");
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
          if (opening.getOrDefault(who, 0) + minutes > 90_000) {
            problems.add(who + ": " + (opening.getOrDefault(who, 0) + minutes) + " minutes (W203)");
          }
        });
    for (String[] in : transfersIn) {
      boolean matched = false;
      for (int d = -3; d <= 0 && !matched; d++) {
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

  private void checkDailyCapAndOverlaps(List<Service> accepted) {
    Map<String, List<Service>> byPersonDay = new HashMap<>();
    for (Service s : accepted) {
      byPersonDay
          .computeIfAbsent(s.person() + "|" + s.start().toLocalDate(), k -> new ArrayList<>())
          .add(s);
    }
    Map<String, List<Service>> byPerson = new HashMap<>();
    accepted.forEach(s -> byPerson.computeIfAbsent(s.person(), k -> new ArrayList<>()).add(s));
    for (List<Service> day : byPersonDay.values()) {
      day.sort(
          Comparator.comparing(Service::start)
              .thenComparing(Service::bank)
              .thenComparing(Service::ref));
      int total = 0;
      for (Service s : day) {
        if (!s.completed()) {
          continue;
        }
        total += s.weighted();
        boolean listed = "W201".equals(truth.get(s.key()));
        if (total > 480 != listed) {
          problems.add(
              s.bank()
                  + "/"
                  + s.ref()
                  + ": day total "
                  + total
                  + (listed ? " but listed W201" : " (W201)"));
        }
      }
    }
    for (List<Service> all : byPerson.values()) {
      all.sort(
          Comparator.comparing(Service::start)
              .thenComparing(Service::bank)
              .thenComparing(Service::ref));
      LocalDateTime busyUntil = LocalDateTime.MIN;
      for (Service s : all) {
        boolean overlaps = s.start().isBefore(busyUntil);
        boolean listed = "W204".equals(truth.get(s.key()));
        if (overlaps != listed) {
          problems.add(
              s.bank()
                  + "/"
                  + s.ref()
                  + (listed ? ": listed W204 but no overlap" : ": overlaps (W204)"));
        }
        if (s.end().isAfter(busyUntil)) {
          busyUntil = s.end();
        }
      }
    }
  }

  private static String unified(JsonNode bank, String local, LocalDate day) {
    String found = null;
    for (JsonNode m : bank.get("category_mappings")) {
      if (!LocalDate.parse(m.get("valid_from").asString()).isAfter(day)) {
        JsonNode code = m.get("codes").get(local);
        found = code == null ? null : code.asString();
      }
    }
    return found;
  }

  private static LocalDateTime time(String text) {
    return text.length() > 19
        ? OffsetDateTime.parse(text).toLocalDateTime()
        : LocalDateTime.parse(text);
  }

  private void check(boolean ok, DeliveredPackage pkg, DeliveredPackage.Row row, String code) {
    if (!ok) {
      problems.add(pkg.name() + " line " + row.line() + ": " + code + " " + row.fields());
    }
  }
}
