package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.ingestion.state.DatabaseSeed;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.support.PackageEdits;
import cn.timebank.ingestion.support.SimulatedWorld;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.balance.BankTotal;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A small simulated world ingested end to end through {@link Submissions} (good packages in
 * file-name order, then the broken ones), checked against the simulator's truth file; then
 * re-delivery, P007 and a correction on top of it. The tests run in order on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SimulatedWorldContract {

  @Autowired Submissions submissions;
  @Autowired RegistryImport registryImport;
  @Autowired Balances balances;
  @Autowired LedgerVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired JdbcLedgerState database;

  /**
   * A copy of the engine state that follows the database as the live path's topology does: it took
   * in the empty database, then each package right after its ingest ({@link
   * DatabaseSeed#ofPackage}).
   */
  final InMemoryLedgerState followed = new InMemoryLedgerState();

  /** Receipts by the package's path relative to the simulator's output, as the truth names it. */
  final Map<String, Receipt> receipts = new LinkedHashMap<>();

  /** Ingests the package, then lets {@link #followed} take in what it changed. */
  Receipt ingest(Path pkg) {
    Receipt receipt = submissions.ingest(pkg);
    new DatabaseSeed(dataSource).ofPackage(receipt.packageId(), followed::apply);
    return receipt;
  }

  @BeforeAll
  void ingestTheWorld() {
    new DatabaseSeed(dataSource).everything(followed::apply);
    registryImport.importBanks(RegistryFile.read(SimulatedWorld.registry()));
    Stream.concat(SimulatedWorld.goodPackages().stream(), SimulatedWorld.badPackages().stream())
        .forEach(pkg -> receipts.put(SimulatedWorld.out().relativize(pkg).toString(), ingest(pkg)));
  }

  @Test
  @Order(1)
  void findsEveryInjectedFaultWithItsCodeAtItsRecordAndNothingElse() {
    List<String> expected = new ArrayList<>();
    for (JsonNode line : SimulatedWorld.truth()) {
      if (!line.get("source").asString().equals("bad-package")) {
        expected.add(
            String.join(
                " ",
                line.get("package").asString(),
                line.get("file").asString(),
                line.get("line").asString(),
                line.get("ref").asString(),
                line.get("code").asString()));
      }
    }
    List<String> found = new ArrayList<>();
    receipts.forEach(
        (pkg, receipt) -> {
          if (receipt.status() != ReceiptStatus.RJCT || !pkg.startsWith("bad/")) {
            Stream.concat(receipt.rejected().stream(), receipt.warnings().stream())
                .forEach(line -> found.add(pkg + " " + describe(line)));
          }
        });
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @Order(2)
  void overlapsAndCappedDaysSayWhatTheyAreAbout() {
    List<ReceiptLine> warnings =
        receipts.values().stream().flatMap(receipt -> receipt.warnings().stream()).toList();
    assertThat(warnings).extracting(ReceiptLine::code).contains("W201", "W204");
    assertThat(warnings)
        .filteredOn(line -> line.code().equals("W204"))
        .allSatisfy(
            line ->
                assertThat(line.message())
                    .matches(".*: overlaps \\d{6}-\\d{3} \\S+(, \\d{6}-\\d{3} \\S+)*"));
    assertThat(warnings)
        .filteredOn(line -> line.code().equals("W201"))
        .allSatisfy(
            line ->
                assertThat(line.message())
                    .matches(".*: credited \\d+ of \\d+ standard minutes on \\d{4}-\\d{2}-\\d{2}"));
  }

  @Test
  @Order(2)
  void rejectsEachBrokenPackageWholeWithItsOwnCode() {
    List<JsonNode> bad =
        SimulatedWorld.truth().stream()
            .filter(line -> line.get("source").asString().equals("bad-package"))
            .toList();
    assertThat(bad).hasSize(SimulatedWorld.badPackages().size());
    for (JsonNode line : bad) {
      Receipt receipt = receipts.get(line.get("package").asString());
      String code = line.get("code").asString();
      assertThat(receipt.status()).as(line.toString()).isEqualTo(ReceiptStatus.RJCT);
      assertThat(receipt.counts().codes()).as(line.toString()).containsExactly(Map.entry(code, 1L));
      assertThat(receipt.rejected()).extracting(ReceiptLine::code).containsExactly(code);
      assertThat(receipt.packageId()).doesNotContain("/");
    }
    assertThat(receipts.values()).extracting(Receipt::packageId).doesNotHaveDuplicates();
  }

  @Test
  @Order(3)
  void keepsEveryBankLedgerSummingToZeroWithItsChainIntact() {
    assertThat(balances.totals()).hasSizeGreaterThanOrEqualTo(3).allMatch(BankTotal::balanced);
    assertThat(verifier.verifyAll()).allMatch(ChainVerification::ok);
    long openItems =
        jdbc.sql(
                "select coalesce(sum(case when direction = 'TRANSFER_OUT' then minutes"
                    + " else -minutes end), 0) from transfer_items"
                    + " where matched_ref is null and reversed_flag = 'N'")
            .query(Long.class)
            .single();
    assertThat(balances.clearingAcrossBanks().value()).isEqualTo(openItems);
  }

  @Test
  @Order(4)
  void answersAnIdenticalRedeliveryWithTheFirstReceiptAndChangesNothing() {
    Path first = SimulatedWorld.goodPackages().get(0);
    Receipt original = receipts.get(first.getFileName().toString());
    long entries = count("ledger_entries");
    long packages = count("packages");

    Receipt again = ingest(first);

    assertThat(ReceiptJson.write(again)).isEqualTo(ReceiptJson.write(original));
    assertThat(count("ledger_entries")).isEqualTo(entries);
    assertThat(count("packages")).isEqualTo(packages);
  }

  @Test
  @Order(5)
  void refusesTheSamePeriodAndSequenceWithOtherBytesAsP007() throws Exception {
    Path first = SimulatedWorld.goodPackages().get(0);
    Path other =
        PackageEdits.reordered(
            first, Files.createTempDirectory("p007").resolve(first.getFileName()));
    long entries = count("ledger_entries");

    Receipt receipt = ingest(other);

    assertThat(receipt.status()).isEqualTo(ReceiptStatus.RJCT);
    assertThat(receipt.counts().codes()).containsOnlyKeys("P007");
    assertThat(count("ledger_entries")).isEqualTo(entries);
  }

  @Test
  @Order(6)
  void appliesACorrectionByReversingThePeriodAndPostingItAgain() throws Exception {
    Path original = firstBankOriginal();
    Receipt before = receipts.get(firstBankPackage());
    long services = before.counts().files().get("services.csv").read();
    String[] dropped = new String[1];
    Path correction =
        PackageEdits.correction(
            original,
            2,
            "services.csv",
            text -> {
              List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
              int last = lines.size() - 1;
              while (lines.get(last).isEmpty()) {
                last--;
              }
              dropped[0] = lines.get(last).split(",", 2)[0];
              lines.remove(last);
              return String.join("\r\n", lines);
            },
            services - 1,
            SimulatedWorld.out().resolve("keys"),
            Files.createTempDirectory("correction").resolve("correction.zip"));

    Receipt receipt = ingest(correction);

    assertThat(receipt.sequence()).isEqualTo(2);
    assertThat(receipt.status()).isNotEqualTo(ReceiptStatus.RJCT);
    assertThat(receipt.counts().files().get("services.csv").read()).isEqualTo(services - 1);
    String bank = before.bankCode();
    assertThat(
            jdbc.sql(
                    "select count(*) from ledger_entries where bank_code = ?"
                        + " and entry_kind = 'CORRECTION_REVERSAL'")
                .param(bank)
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql(
                    "select count(*) from services where bank_code = ? and source_id = ?"
                        + " and current_flag = 'Y'")
                .params(bank, before.packageId())
                .query(Long.class)
                .single())
        .as("the original's services of the period are all superseded")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from services where bank_code = ? and service_ref = ?"
                        + " and current_flag = 'Y'")
                .params(bank, dropped[0])
                .query(Long.class)
                .single())
        .as("the service the correction leaves out has no current version")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select coalesce(sum(amount_minutes), 0) from ledger_entries"
                        + " where bank_code = ? and source_ref = ?")
                .params(bank, dropped[0])
                .query(Long.class)
                .single())
        .isZero();
    assertThat(balances.totals()).allMatch(BankTotal::balanced);
    assertThat(verifier.verifyAll()).allMatch(ChainVerification::ok);
  }

  @Test
  @Order(7)
  void aCorrectionWhoseEveryRecordIsRefusedChangesNothing() throws Exception {
    Path original = firstBankOriginal();
    Path keys = SimulatedWorld.out().resolve("keys");
    Path dir = Files.createTempDirectory("refused-correction");
    UnaryOperator<String> headerOnly = text -> text.substring(0, text.indexOf("\r\n") + 2);
    Path step1 =
        PackageEdits.correction(
            original, 3, "participants.csv", headerOnly, 0, keys, dir.resolve("1.zip"));
    Path step2 =
        PackageEdits.correction(
            step1, 3, "transactions.csv", headerOnly, 0, keys, dir.resolve("2.zip"));
    String period = SimulatedWorld.PERIOD.toString();
    String next = SimulatedWorld.PERIOD.plusMonths(1).toString();
    Map<String, UnaryOperator<String[]>> cases = new LinkedHashMap<>();
    // A start that is no date: R102, refused by the reader.
    cases.put("R102", fields -> set(fields, 4, "not-a-time"));
    // A readable service of the next month: R110, known from its apply key before the supersede.
    cases.put(
        "R110",
        fields ->
            set(
                set(fields, 4, fields[4].replace(period, next)),
                5,
                fields[5].replace(period, next)));
    String bank = receipts.get(firstBankPackage()).bankCode();
    for (Map.Entry<String, UnaryOperator<String[]>> c : cases.entrySet()) {
      Path refused =
          PackageEdits.correction(
              step2,
              3,
              "services.csv",
              text -> {
                List<String> lines = Arrays.asList(text.split("\r\n", -1));
                String[] service =
                    lines.stream()
                        .skip(1)
                        .map(l -> l.split(",", -1))
                        .filter(f -> f.length > 5 && !f[5].isEmpty())
                        .findFirst()
                        .orElseThrow();
                return lines.get(0)
                    + "\r\n"
                    + String.join(",", c.getValue().apply(service))
                    + "\r\n";
              },
              1,
              keys,
              dir.resolve(c.getKey() + ".zip"));
      long entries = count("ledger_entries");
      var balancesBefore = balances.ofBank(bank);

      Receipt receipt = ingest(refused);

      assertThat(receipt.status()).as(c.getKey()).isEqualTo(ReceiptStatus.RJCT);
      assertThat(receipt.counts().codes()).containsOnlyKeys(c.getKey());
      assertThat(count("ledger_entries"))
          .as("nothing reversed, nothing posted: " + c.getKey())
          .isEqualTo(entries);
      assertThat(balances.ofBank(bank)).isEqualTo(balancesBefore);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from services where bank_code = ? and source_id = ?"
                        + " and current_flag = 'Y'")
                .params(bank, receipts.get(firstBankPackage()).packageId())
                .query(Long.class)
                .single())
        .isZero(); // still superseded by sequence 2 (order 6), not by these
  }

  private static String[] set(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return copy;
  }

  @Test
  @Order(8)
  void checksARejectedPackageAfreshWhenDeliveredAgainUnderAnIdOfItsOwn() {
    Path bad = SimulatedWorld.badPackages().get(0);
    Receipt first = receipts.get(SimulatedWorld.out().relativize(bad).toString());

    Receipt again = ingest(bad);

    assertThat(again.status()).isEqualTo(ReceiptStatus.RJCT);
    assertThat(again.counts().codes()).isEqualTo(first.counts().codes());
    assertThat(again.packageId()).isNotEqualTo(first.packageId()).startsWith(first.packageId());
    assertThat(submissions.receipt(first.packageId())).isPresent();
    assertThat(submissions.receipt(again.packageId())).isPresent();
  }

  /**
   * The live path's state takes in the database through {@link DatabaseSeed}: read whole at the
   * end, read package by package at the end in the order they arrived, or taken in right after each
   * ingest ({@link #followed}: later packages change earlier records — reversals, transfer matches,
   * cap adjustments, corrections, a refused correction), it gives a state that answers as the
   * database does — the same participants, daily-cap rows, used refs, transfer items, postings and
   * balances.
   */
  @Test
  @Order(9)
  void theDatabaseSeedGivesTheDatabasesEngineStateWholeAndPackageByPackage() {
    DatabaseSeed seed = new DatabaseSeed(dataSource);
    InMemoryLedgerState whole = new InMemoryLedgerState();
    seed.everything(whole::apply);
    InMemoryLedgerState byPackage = new InMemoryLedgerState();
    List<String> packages = seed.packages();
    packages.forEach(id -> seed.ofPackage(id, byPackage::apply));
    assertThat(packages)
        .as("a correction among them")
        .anyMatch(id -> id.matches(".*_\\d{4}-\\d{2}_[2-9]_.*"));
    // pages of 7: every table's refs cross many page ends, and a record that several tables hold
    // (used ref, cap row, postings) is read once, from the first of them
    DatabaseSeed paged = new DatabaseSeed(dataSource, 7);
    InMemoryLedgerState wholeInPages = new InMemoryLedgerState();
    List<Effects> parts = new ArrayList<>();
    paged.everything(parts::add);
    parts.forEach(wholeInPages::apply);
    assertThat(parts.stream().mapToInt(p -> p.touchedRecords().size()).max().orElse(0))
        .isEqualTo(7);
    assertThat(parts.stream().flatMap(p -> p.touchedRecords().stream()))
        .as("each record in one part only")
        .doesNotHaveDuplicates()
        .hasSizeGreaterThan(100);
    InMemoryLedgerState byPackageInPages = new InMemoryLedgerState();
    packages.forEach(id -> paged.ofPackage(id, byPackageInPages::apply));

    for (InMemoryLedgerState taken :
        List.of(whole, byPackage, followed, wholeInPages, byPackageInPages)) {
      assertThat(sortedKeys(taken.postings()))
          .isEqualTo(sortedKeys(database.postings()))
          .isNotEmpty();
      assertThat(taken.balances()).isEqualTo(database.balances());
      assertThat(taken.creditedServices())
          .containsExactlyInAnyOrderElementsOf(database.creditedServices());
      assertThat(taken.transfers()).containsExactlyInAnyOrderElementsOf(database.transfers());
      jdbc.sql("select bank_code, participant_ref from participants")
          .query(
              rs -> {
                BankCode bank = BankCode.of(rs.getString(1));
                assertThat(taken.participant(bank, rs.getString(2)))
                    .isEqualTo(database.participant(bank, rs.getString(2)))
                    .isPresent();
              });
      jdbc.sql("select distinct bank_code, report_month from used_refs")
          .query(
              rs -> {
                BankCode bank = BankCode.of(rs.getString(1));
                Period month = Period.parse(rs.getString(2));
                assertThat(taken.usedIn(bank, month))
                    .containsExactlyInAnyOrderElementsOf(database.usedIn(bank, month));
              });
      jdbc.sql("select bank_code from first_packages")
          .query(
              rs -> {
                BankCode bank = BankCode.of(rs.getString(1));
                assertThat(taken.firstPackage(bank)).isEqualTo(database.firstPackage(bank));
              });
    }
  }

  /**
   * The live events the database applied (the database sink's rows, accepted or confirmed) are
   * listed for the topology's first load, a page at a time; rejected ones are not (they may be sent
   * again).
   */
  @Test
  @Order(10)
  void theDatabaseSeedListsTheLiveEventsTheDatabaseApplied() {
    String bank =
        jdbc.sql("select bank_code from banks order by bank_code")
            .query(String.class)
            .list()
            .get(0);
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      String outcome = i == 3 ? "REJECTED" : i % 2 == 0 ? "CONFIRMED" : "ACCEPTED";
      jdbc.sql(
              "insert into stream_events (bank_code, event_id, topic_name, record_ref, outcome,"
                  + " applied_at) values (?, ?, ?, ?, ?, ?)")
          .params(bank, "live-" + i, "tb.services.v1", "LS" + i, outcome, now)
          .update();
      if (!outcome.equals("REJECTED")) {
        expected.add(bank + " live-" + i + " tb.services.v1 LS" + i);
      }
    }
    try {
      List<List<StateSeed.AppliedEvent>> pages = new ArrayList<>();
      new DatabaseSeed(dataSource, 2).appliedEvents(pages::add);
      assertThat(pages).hasSize(3).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
      assertThat(pages.stream().flatMap(List::stream))
          .extracting(e -> e.bank().value() + " " + e.eventId() + " " + e.topic() + " " + e.ref())
          .containsExactlyElementsOf(expected);
    } finally {
      jdbc.sql("delete from stream_events where event_id like 'live-%'").update();
    }
  }

  private static List<String> sortedKeys(List<Posting> postings) {
    return postings.stream().map(p -> p.idempotencyKey() + " " + p).sorted().toList();
  }

  private Path firstBankOriginal() {
    return SimulatedWorld.goodPackages().stream()
        .filter(p -> p.getFileName().toString().equals(firstBankPackage()))
        .findFirst()
        .orElseThrow();
  }

  private String firstBankPackage() {
    return "310109-001_" + SimulatedWorld.PERIOD + "_1.zip";
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static String describe(ReceiptLine line) {
    return Stream.of(line.file(), line.line(), line.ref(), line.code())
        .map(String::valueOf)
        .collect(Collectors.joining(" "));
  }
}
