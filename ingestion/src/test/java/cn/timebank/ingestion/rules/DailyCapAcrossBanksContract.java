package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.Outcomes.accepted;
import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.B;
import static cn.timebank.ingestion.rules.World.C;
import static cn.timebank.ingestion.rules.World.DAY;
import static cn.timebank.ingestion.rules.World.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

abstract class DailyCapAcrossBanksContract extends StateContract {

  private static final List<BankCode> BANKS = List.of(A, B, C);

  private World worldWithAliceEverywhere() {
    World world = newWorld();
    for (BankCode bank : BANKS) {
      world.participants(
          pkg(bank),
          World.participant(bank, "P1", "alice"),
          World.participant(bank, "P2", "bob"),
          World.elder(bank, "R1", "grandma" + bank.value().substring(0, 2)));
    }
    return world;
  }

  @Test
  void creditsBankAThenBankB480InAllAndWarnsTheLaterArrivalW201() {
    World world = worldWithAliceEverywhere();
    accepted(world.service(pkg(A), World.living(A, "SA", "P1", 8, 300)));
    accepted(world.service(pkg(B), World.living(B, "SB", "P1", 14, 300)), ResultCode.W201);

    assertThat(world.balance(A, "P1") + world.balance(B, "P1")).isEqualTo(480);
    assertThat(world.balance(A, "P1")).isEqualTo(300);
    assertThat(world.balance(B, "P1")).isEqualTo(180);
  }

  @Test
  void adjustsTheEarlierArrivalWhenALaterArrivalComesFirstInTheDay() {
    World world = worldWithAliceEverywhere();
    accepted(world.service(pkg(B), World.living(B, "SB", "P1", 14, 300)));
    Outcome.Accepted a = accepted(world.service(pkg(A), World.living(A, "SA", "P1", 8, 300)));

    assertThat(a.effects().postings())
        .extracting(Posting::kind)
        .containsExactly(PostingKind.SERVICE, PostingKind.CAP_ADJUSTMENT);
    Posting adjustment = a.effects().postings().get(1);
    assertThat(adjustment.bankCode()).isEqualTo(B);
    assertThat(adjustment.lines())
        .containsExactlyInAnyOrder(
            Line.of(Account.ISSUANCE, 120), Line.of(Account.participant("P1"), -120));
    assertThat(world.balance(A, "P1")).isEqualTo(300);
    assertThat(world.balance(B, "P1")).isEqualTo(180);
    assertThat(world.balance(B, Account.ISSUANCE)).isEqualTo(-180);
    world.assertEveryBankSumsToZero();
  }

  @Test
  void givesTheSameBalancesForEveryOrderOfPackageArrivalInRandomScenarios() {
    Random random = new Random(20261013L);
    long adjustments = 0;
    for (int scenario = 0; scenario < 40; scenario++) {
      Map<BankCode, List<Object>> packages = randomPackages(random);
      Map<String, Long> expected = null;
      for (List<BankCode> order : permutations(BANKS)) {
        World world = worldWithAliceEverywhere();
        for (BankCode bank : order) {
          for (Object record : packages.get(bank)) {
            Outcome outcome =
                record instanceof Service s
                    ? world.service(pkg(bank), s)
                    : world.transaction(pkg(bank), (Transaction) record);
            assertThat(outcome)
                .as("scenario %d, %s", scenario, order)
                .isNotInstanceOf(Outcome.Rejected.class);
          }
        }
        world.assertEveryBankSumsToZero();
        Map<String, Long> balances = balances(world);
        if (expected == null) {
          expected = balances;
        } else {
          assertThat(balances).as("scenario %d, order %s", scenario, order).isEqualTo(expected);
        }
        assertCapHeld(world);
        adjustments +=
            world.state.postings().stream()
                .filter(p -> p.kind() == PostingKind.CAP_ADJUSTMENT)
                .count();
      }
    }
    assertThat(adjustments).as("the scenarios reach the cap out of order").isPositive();
  }

  /** Per bank: 0-4 services of alice or bob over two days, an opening balance and a donation. */
  private static Map<BankCode, List<Object>> randomPackages(Random random) {
    Map<BankCode, List<Object>> packages = new HashMap<>();
    for (BankCode bank : BANKS) {
      List<Service> services = new ArrayList<>();
      int count = random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String provider = random.nextBoolean() ? "P1" : "P2";
        LocalDateTime start =
            DAY.plusDays(random.nextInt(2)).atTime(6 + random.nextInt(14), 15 * random.nextInt(4));
        int minutes = 30 + 15 * random.nextInt(20);
        services.add(
            World.service(
                bank,
                "S" + i,
                provider,
                "R1",
                random.nextBoolean() ? "SHZL" : "PZ",
                start,
                start.plusMinutes(minutes)));
      }
      List<Object> records = new ArrayList<>();
      records.add(
          World.txn(bank, "T0", TransactionType.OPENING_BALANCE, "P2", 600, DAY.atTime(0, 0)));
      records.add(World.txn(bank, "T1", TransactionType.DONATION, "P2", 100, DAY.atTime(1, 0)));
      records.addAll(services);
      records.sort((x, y) -> position(x).compareTo(position(y)));
      packages.put(bank, records);
    }
    return packages;
  }

  private static RecordPosition position(Object record) {
    return record instanceof Service s
        ? TimedRecord.positionOf(s)
        : TimedRecord.positionOf((Transaction) record);
  }

  private static Map<String, Long> balances(World world) {
    Map<String, Long> balances = new TreeMap<>();
    world
        .state
        .balances()
        .forEach(
            (bank, accounts) ->
                accounts.forEach(
                    (account, minutes) -> {
                      if (!minutes.isZero()) {
                        balances.put(bank + " " + account.label(), minutes.value());
                      }
                    }));
    return balances;
  }

  private static void assertCapHeld(World world) {
    Map<String, Long> perPersonDay = new HashMap<>();
    for (CreditedService row : world.state.creditedServices()) {
      perPersonDay.merge(row.person().value() + row.day(), row.credited().value(), Long::sum);
      assertThat(row.credited()).isLessThanOrEqualTo(row.weighted());
    }
    assertThat(perPersonDay.values()).allMatch(total -> total <= 480);
    long credited =
        world.state.creditedServices().stream()
            .map(CreditedService::credited)
            .mapToLong(StandardMinutes::value)
            .sum();
    long issuance = BANKS.stream().mapToLong(bank -> world.balance(bank, Account.ISSUANCE)).sum();
    assertThat(credited).isEqualTo(-issuance - 3 * 600);
  }

  private static <T> List<List<T>> permutations(List<T> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<T>> result = new ArrayList<>();
    for (T first : items) {
      List<T> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<T> tail : permutations(rest)) {
        List<T> permutation = new ArrayList<>();
        permutation.add(first);
        permutation.addAll(tail);
        result.add(permutation);
      }
    }
    return result;
  }
}
