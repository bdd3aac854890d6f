package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.support.PackageEdits;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.balance.BankTotal;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.registry.RegistryFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Arrival order does not matter: one set of packages — 4 banks, two periods of the first bank, a
 * correction (sequence 2) of the first bank that adds services of a provider who serves in two
 * banks on the same day (daily cap across banks), a correction of the third bank, cross-bank
 * transfers — is delivered in many seeded random orders, each into a fresh database (its own H2 and
 * Spring context). Every order gives the same balance per account, the same totals per bank and
 * account kind, the same accepted records, and a balanced ledger with intact chains.
 *
 * <p>An order keeps each bank's own packages in the order the bank sends them (period, then
 * sequence: P012 refuses a correction before its original, and a later period needs the
 * participants of the earlier one); banks interleave freely. {@code -Dtimebank.test.permutations=N}
 * (20 by default, 200 under {@code -Plong}), {@code -Dtimebank.test.permutations.seed=S}.
 */
class ArrivalOrderPropertyTests {

  private static final int PERMUTATIONS = Integer.getInteger("timebank.test.permutations", 20);
  private static final long SEED = Long.getLong("timebank.test.permutations.seed", 20261126L);
  private static final YearMonth PERIOD = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path world;

  /** Each bank's packages in the order it sends them. */
  private static final Map<String, List<Path>> BY_BANK = new LinkedHashMap<>();

  @BeforeAll
  static void packages() throws IOException {
    Simulator.run(new SimulationOptions(4, 160, 400, PERIOD, 5, world, false, 0.01, false));
    Path keys = world.resolve("keys");
    JsonNode overlap = pattern("CROSS_BANK_OVERLAP");
    String first = "310109-001";
    String third = "110105-001";
    Path firstOriginal = world.resolve(first + "_" + PERIOD + "_1.zip");
    String crossRef = null;
    for (JsonNode service : overlap.get("services")) {
      if (service.get("bank_code").asString().equals(first)) {
        crossRef = service.get("service_ref").asString();
      }
    }
    String anchor = crossRef;
    Path firstCorrection =
        PackageEdits.correction(
            firstOriginal,
            2,
            "services.csv",
            text -> withCapBreakingServices(text, anchor),
            records(firstOriginal, "services.csv") + 2,
            keys,
            world.resolve("corrections/" + first + "_" + PERIOD + "_2.zip"));
    Path thirdOriginal = world.resolve(third + "_" + PERIOD + "_1.zip");
    Path thirdCorrection =
        PackageEdits.correction(
            thirdOriginal,
            2,
            "services.jsonl",
            ArrivalOrderPropertyTests::withoutLastLine,
            records(thirdOriginal, "services.jsonl") - 1,
            keys,
            world.resolve("corrections/" + third + "_" + PERIOD + "_2.zip"));
    BY_BANK.put(
        first,
        List.of(
            firstOriginal,
            firstCorrection,
            world.resolve(first + "_" + PERIOD.plusMonths(1) + "_1.zip")));
    BY_BANK.put("430102-001", List.of(world.resolve("430102-001_" + PERIOD + "_1.zip")));
    BY_BANK.put(third, List.of(thirdOriginal, thirdCorrection));
    BY_BANK.put("440305-001", List.of(world.resolve("440305-001_" + PERIOD + "_1.zip")));
    BY_BANK.values().stream().flatMap(List::stream).forEach(p -> assertThat(p).isRegularFile());
  }

  @Test
  void everyArrivalOrderGivesTheSameBalancesAndLedgerTotals() {
    Random random = new Random(SEED);
    Set<List<String>> orders = new LinkedHashSet<>();
    World reference = null;
    List<String> referenceOrder = null;
    for (int i = 0; i < PERMUTATIONS; i++) {
      List<Path> order = i == 0 ? inBankOrder() : shuffled(random);
      List<String> names = order.stream().map(p -> world.relativize(p).toString()).toList();
      orders.add(names);
      World result = ingest(order);
      if (reference == null) {
        reference = result;
        referenceOrder = names;
        assertThat(result.adjustments())
            .as("the correction pushes a provider over the daily cap across banks")
            .isPositive();
        assertThat(result.transfersMatched()).as("cross-bank transfers matched").isPositive();
      } else {
        assertThat(result.balances())
            .as("balances after %s, against %s", names, referenceOrder)
            .isEqualTo(reference.balances());
        assertThat(result.totals()).as("totals after %s", names).isEqualTo(reference.totals());
        assertThat(result.accepted())
            .as("accepted after %s", names)
            .isEqualTo(reference.accepted());
        assertThat(result.transfersMatched()).isEqualTo(reference.transfersMatched());
      }
    }
    assertThat(orders)
        .as("distinct orders tried")
        .hasSizeGreaterThan(Math.min(PERMUTATIONS, 10) / 2);
    System.out.printf(
        "arrival order: %d permutations (%d distinct), %d accounts with a balance%n",
        PERMUTATIONS, orders.size(), reference.balances().size());
  }

  /** File-name order of the simulator: bank by bank. */
  private static List<Path> inBankOrder() {
    return BY_BANK.values().stream().flatMap(List::stream).toList();
  }

  /**
   * A uniformly random interleaving of the banks' sequences: a random permutation of bank slots,
   * each slot then filled with that bank's next package.
   */
  private static List<Path> shuffled(Random random) {
    List<String> slots = new ArrayList<>();
    BY_BANK.forEach((bank, packages) -> packages.forEach(p -> slots.add(bank)));
    Collections.shuffle(slots, random);
    Map<String, Integer> next = new LinkedHashMap<>();
    List<Path> order = new ArrayList<>();
    for (String bank : slots) {
      int n = next.merge(bank, 1, Integer::sum) - 1;
      order.add(BY_BANK.get(bank).get(n));
    }
    return order;
  }

  private record World(
      List<String> balances,
      List<String> totals,
      List<String> accepted,
      long adjustments,
      long transfersMatched) {}

  private static World ingest(List<Path> order) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(IngestionTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.datasource.url=jdbc:h2:mem:order_"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
                "timebank.ingestion.data-dir=" + world.resolve("data-" + UUID.randomUUID()),
                "spring.jmx.enabled=false")
            .run()) {
      context
          .getBean(RegistryImport.class)
          .importBanks(RegistryFile.read(world.resolve("registry.json")));
      Submissions submissions = context.getBean(Submissions.class);
      for (Path pkg : order) {
        Receipt receipt = submissions.ingest(pkg);
        assertThat(receipt.status())
            .as("%s in %s", pkg.getFileName(), order)
            .isNotEqualTo(ReceiptStatus.RJCT);
      }
      assertThat(context.getBean(Balances.class).totals()).allMatch(BankTotal::balanced);
      assertThat(context.getBean(LedgerVerifier.class).verifyAll()).allMatch(ChainVerification::ok);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      List<String> balances =
          jdbc.sql(
                  "select bank_code, account_kind, coalesce(participant_ref, '-'),"
                      + " sum(amount_minutes) from ledger_entries"
                      + " group by bank_code, account_kind, participant_ref"
                      + " having sum(amount_minutes) <> 0"
                      + " order by bank_code, account_kind, participant_ref")
              .query(
                  (rs, n) ->
                      rs.getString(1)
                          + " "
                          + rs.getString(2)
                          + " "
                          + rs.getString(3)
                          + " "
                          + rs.getLong(4))
              .list();
      List<String> totals =
          jdbc.sql(
                  "select bank_code, account_kind, sum(amount_minutes) from ledger_entries"
                      + " group by bank_code, account_kind order by bank_code, account_kind")
              .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3))
              .list();
      List<String> accepted =
          jdbc
              .sql(
                  "select bank_code || ' S ' || service_ref from services where current_flag = 'Y'"
                      + " union all select bank_code || ' T ' || txn_ref from transactions"
                      + " where current_flag = 'Y'")
              .query(String.class)
              .list()
              .stream()
              .sorted()
              .toList();
      long adjustments =
          jdbc.sql("select count(*) from ledger_entries where entry_kind = 'CAP_ADJUSTMENT'")
              .query(Long.class)
              .single();
      long matched =
          jdbc.sql("select count(*) from transfer_items where matched_ref is not null")
              .query(Long.class)
              .single();
      return new World(balances, totals, accepted, adjustments, matched);
    }
  }

  /**
   * Two more services of the provider of {@code anchorRef} on its day (4 h in the morning, 2 h in
   * the evening): with the service in this bank and the overlapping one in the other bank, the day
   * is over the daily cap across banks.
   */
  private static String withCapBreakingServices(String text, String anchorRef) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
    String anchor =
        lines.stream().filter(l -> l.startsWith(anchorRef + ",")).findFirst().orElseThrow();
    String[] f = anchor.split(",", -1);
    String day = f[4].substring(0, 10);
    int at = lines.size();
    while (lines.get(at - 1).isEmpty()) {
      at--;
    }
    lines.add(at, service(f, "S9999-0000001", day + "T07:00:00+08:00", day + "T11:00:00+08:00"));
    lines.add(
        at + 1, service(f, "S9999-0000002", day + "T18:00:00+08:00", day + "T20:00:00+08:00"));
    return String.join("\r\n", lines);
  }

  private static String service(String[] anchor, String ref, String start, String end) {
    String[] f = anchor.clone();
    f[0] = ref;
    f[4] = start;
    f[5] = end;
    return String.join(",", f);
  }

  private static String withoutLastLine(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int last = lines.size() - 1;
    while (lines.get(last).isEmpty()) {
      last--;
    }
    lines.remove(last);
    return String.join("\n", lines);
  }

  private static JsonNode pattern(String type) throws IOException {
    for (JsonNode pattern : JSON.readTree(world.resolve("world.json").toFile()).get("patterns")) {
      if (pattern.get("type").asString().equals(type)) {
        return pattern;
      }
    }
    throw new IllegalStateException("no " + type + " in world.json");
  }

  private static long records(Path zip, String file) throws IOException {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      JsonNode manifest = JSON.readTree(z.getInputStream(z.getEntry("manifest.json")));
      for (JsonNode entry : manifest.get("files")) {
        if (entry.get("name").asString().equals(file)) {
          return entry.get("records").asLong();
        }
      }
    }
    throw new IllegalArgumentException(file);
  }
}
