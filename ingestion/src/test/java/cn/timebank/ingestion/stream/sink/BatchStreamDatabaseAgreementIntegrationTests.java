package cn.timebank.ingestion.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.batch.ServiceFiguresOf;
import cn.timebank.ingestion.hold.Hold;
import cn.timebank.ingestion.hold.LiveHoldStore;
import cn.timebank.ingestion.hold.LiveHolds;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.ingestion.state.DatabaseSeed;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.stream.StreamConfig;
import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.ingestion.stream.replay.ReplayProgress;
import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.identity.PersonKeySecret;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.RegistryFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch and stream agree over the database: a simulated world with injected faults (3 banks, the
 * next period's package of the first, 2 % faulty services) is delivered once as packages through
 * {@link Submissions} into one clean H2 database, and once as events (the same records, in the same
 * order, {@link PackageReplay}) through the real in-JVM KRaft broker, the ledger topology ({@code
 * exactly_once_v2}) and the {@link DatabaseSink} into another. Every record gets the same code
 * (batch: its receipt's rejected and warning lines; stream: its {@code stream_events} row), every
 * account the same balance, and the ledgers hold the same lines under the same idempotency keys.
 *
 * <p>The rules that apply to packages only are taken out of the data first, as a bank would not
 * send them as events: records dated outside their package's period (R110) and a ref repeated
 * inside a package (R113). The packages without those lines are signed again with the banks' keys,
 * and both paths read these same packages. {@code OPENING_BALANCE} transactions stay: an event is
 * judged by its own month (R119), so a first package's opening balances are accepted on both paths.
 */
class BatchStreamDatabaseAgreementIntegrationTests {

  private static final YearMonth PERIOD = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EmbeddedKafkaKraftBroker broker; // one per test: each starts a topology of its own

  @TempDir Path temp;

  @BeforeEach
  void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, LiveLedger.topics().toArray(String[]::new));
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1"));
    broker.afterPropertiesSet();
  }

  @AfterEach
  void stopBroker() {
    broker.destroy();
  }

  @Test
  void packagesAndEventsGiveTheSameCodesBalancesAndLedger() throws Exception {
    Path world = temp.resolve("world");
    Simulator.run(new SimulationOptions(3, 300, 3000, PERIOD, 77, world, false, 0.02, false));
    List<BankRegistryEntry> banks = RegistryFile.read(world.resolve("registry.json"));
    Registry registry = code -> banks.stream().filter(b -> b.bankCode().equals(code)).findFirst();

    try (ConfigurableApplicationContext batch = context("batch");
        ConfigurableApplicationContext stream = context("stream")) {
      batch.getBean(RegistryImport.class).importBanks(banks);
      stream.getBean(RegistryImport.class).importBanks(banks);
      PackageReplay replay =
          new PackageReplay(registry, batch.getBean(DueDates.class), Clock.systemUTC());
      List<Path> packages = PackageOnlyRecords.leftOut(world, replay, temp.resolve("edited"));

      Map<String, String> batchCodes = ingest(batch, packages);

      List<PackageReplay.Event> events = new ArrayList<>();
      packages.forEach(pkg -> events.addAll(replay.prepare(pkg).events()));
      stream(stream, registry, StateSeed.NONE, LiveHolds.NONE, events, live -> {});

      JdbcClient streamDb = JdbcClient.create(stream.getBean(DataSource.class));
      Map<String, String> streamRows = streamRows(streamDb);
      Map<String, String> expected = new TreeMap<>();
      Map<String, String> actual = new TreeMap<>();
      int unreadable = 0;
      for (PackageReplay.Event event : events) {
        String batchCode = sorted(batchCodes.getOrDefault(event.eventId(), ""));
        if (!PackageOnlyRecords.isJson(event)) {
          unreadable++;
          assertThat(batchCode).as(event.eventId() + " (unreadable)").isEqualTo("R102");
          continue;
        }
        expected.put(event.eventId(), batchCode);
        actual.put(event.eventId(), sorted(streamRows.getOrDefault(event.eventId(), "(missing)")));
      }
      long offsetRejects =
          streamRows.entrySet().stream()
              .filter(e -> e.getKey().startsWith("offset:") && e.getValue().equals("R102"))
              .count();
      assertThat(offsetRejects).as("unreadable records, R102 both ways").isEqualTo(unreadable);
      assertThat(actual).as("the code of every record").isEqualTo(expected);
      assertThat(expected.values())
          .as("the data has rejects and warnings to agree on")
          .anyMatch(c -> c.startsWith("R"))
          .anyMatch(c -> c.startsWith("W"));

      Balances batchBalances = batch.getBean(Balances.class);
      Balances streamBalances = stream.getBean(Balances.class);
      for (BankRegistryEntry bank : banks) {
        String code = bank.bankCode().value();
        assertThat(streamBalances.ofBank(code))
            .as("balances of " + code)
            .isEqualTo(batchBalances.ofBank(code));
        assertThat(streamBalances.liability(code)).isEqualTo(batchBalances.liability(code));
      }
      JdbcClient batchDb = JdbcClient.create(batch.getBean(DataSource.class));
      assertThat(totals(streamDb)).as("ledger totals per account").isEqualTo(totals(batchDb));
      assertThat(lines(streamDb))
          .as("the ledger lines under their idempotency keys")
          .isEqualTo(lines(batchDb))
          .isNotEmpty();
    }
  }

  /**
   * The live path judges events against what the database holds: a month delivered as packages,
   * then the next month of the first bank as events into the <em>same</em> database (its topology's
   * state taken in from the database, {@link DatabaseSeed}), give every next-month record the code
   * it gets when all are packages, and the same balances and ledger lines.
   */
  @Test
  void eventsAfterPackagesInOneDatabaseGiveWhatPackagesAloneGive() throws Exception {
    Path world = temp.resolve("world");
    Simulator.run(new SimulationOptions(3, 300, 3000, PERIOD, 77, world, false, 0.02, false));
    List<BankRegistryEntry> banks = RegistryFile.read(world.resolve("registry.json"));
    Registry registry = code -> banks.stream().filter(b -> b.bankCode().equals(code)).findFirst();

    try (ConfigurableApplicationContext packagesOnly = context("packages");
        ConfigurableApplicationContext mixed = context("mixed")) {
      packagesOnly.getBean(RegistryImport.class).importBanks(banks);
      mixed.getBean(RegistryImport.class).importBanks(banks);
      PackageReplay replay =
          new PackageReplay(registry, mixed.getBean(DueDates.class), Clock.systemUTC());
      List<Path> packages = PackageOnlyRecords.leftOut(world, replay, temp.resolve("edited"));
      String next = "_" + PERIOD.plusMonths(1) + "_";
      List<Path> month =
          packages.stream().filter(p -> !p.getFileName().toString().contains(next)).toList();
      List<Path> nextMonth =
          packages.stream().filter(p -> p.getFileName().toString().contains(next)).toList();
      assertThat(nextMonth).as("the world has a next month").hasSize(1);

      Map<String, String> batchCodes = ingest(packagesOnly, packages);
      // the first bank's month before the live path starts (taken in whole at its start), the
      // other banks' while it runs (taken in package by package)
      ingest(mixed, month.subList(0, 1));

      List<PackageReplay.Event> events = replay.prepare(nextMonth.get(0)).events();
      List<String> whileRunning = new ArrayList<>();
      LiveHoldStore holds = new LiveHoldStore(mixed.getBean(DataSource.class));
      stream(
          mixed,
          registry,
          new DatabaseSeed(mixed.getBean(DataSource.class)),
          LiveHolds.of(holds),
          events,
          live -> {
            awaitTakenIn(live, null);
            for (Path pkg : month.subList(1, month.size())) {
              String id = ingestOne(mixed, pkg).packageId();
              whileRunning.add(id);
              awaitTakenIn(live, id);
            }
          });

      // One writer at a time: each package applied while the live path ran was held for, the
      // database sink acknowledged the hold (its mark went through the broker), and it is done.
      assertThat(holds.all())
          .extracting(Hold::packageId)
          .containsExactlyInAnyOrderElementsOf(whileRunning)
          .isNotEmpty();
      assertThat(holds.all())
          .allSatisfy(
              h -> {
                assertThat(h.heldAt()).as(h.packageId() + " acknowledged").isNotNull();
                assertThat(h.doneAt()).as(h.packageId() + " done").isNotNull();
                assertThat(h.heldAt()).isBeforeOrEqualTo(h.doneAt());
              });

      JdbcClient mixedDb = JdbcClient.create(mixed.getBean(DataSource.class));
      Map<String, String> streamRows = streamRows(mixedDb);
      Map<String, String> expected = new TreeMap<>();
      Map<String, String> actual = new TreeMap<>();
      for (PackageReplay.Event event : events) {
        if (PackageOnlyRecords.isJson(event)) {
          expected.put(event.eventId(), sorted(batchCodes.getOrDefault(event.eventId(), "")));
          actual.put(
              event.eventId(), sorted(streamRows.getOrDefault(event.eventId(), "(missing)")));
        }
      }
      assertThat(actual).as("the code of every next-month record").isEqualTo(expected);

      Balances expectedBalances = packagesOnly.getBean(Balances.class);
      Balances mixedBalances = mixed.getBean(Balances.class);
      for (BankRegistryEntry bank : banks) {
        String code = bank.bankCode().value();
        assertThat(mixedBalances.ofBank(code))
            .as("balances of " + code)
            .isEqualTo(expectedBalances.ofBank(code));
      }
      JdbcClient packagesDb = JdbcClient.create(packagesOnly.getBean(DataSource.class));
      assertThat(lines(mixedDb))
          .as("the ledger lines under their idempotency keys")
          .isEqualTo(lines(packagesDb))
          .isNotEmpty();
    }
  }

  private static Receipt ingestOne(ConfigurableApplicationContext context, Path pkg) {
    Receipt receipt = context.getBean(Submissions.class).ingest(pkg);
    assertThat(receipt.status().name()).as(pkg.toString()).isNotEqualTo("RJCT");
    return receipt;
  }

  /** Ingests the packages in order: each receipt line's codes by the replay's event id. */
  private static Map<String, String> ingest(
      ConfigurableApplicationContext context, List<Path> packages) {
    Map<String, String> codes = new TreeMap<>();
    for (Path pkg : packages) {
      Receipt receipt = ingestOne(context, pkg);
      String prefix = receipt.bankCode() + "-" + receipt.period() + "-" + receipt.sequence();
      for (ReceiptLine line : receipt.rejected()) {
        codes.put(key(prefix, line), line.code());
      }
      for (ReceiptLine line : receipt.warnings()) {
        codes.merge(key(prefix, line), line.code(), (a, b) -> a + "," + b);
      }
    }
    return codes;
  }

  /** What runs while the live path runs, before the events are published. */
  private interface WhileRunning {
    void accept(LiveLedger live) throws Exception;
  }

  /**
   * Starts the live path over the context's database, runs {@code beforePublish}, publishes the
   * events and waits until every one has reached the database.
   */
  private void stream(
      ConfigurableApplicationContext context,
      Registry registry,
      StateSeed seed,
      LiveHolds holds,
      List<PackageReplay.Event> events,
      WhileRunning beforePublish)
      throws Exception {
    ReplayProgress progress = new ReplayProgress(events);
    DatabaseSink sink = sink(context, registry);
    try (LiveLedger live =
        LiveLedger.start(
            broker.getBrokersAsString(),
            new StreamConfig(
                registry,
                context.getBean(PersonKeySecret.class),
                context.getBean(RecordEngine.class),
                seed,
                holds),
            Files.createDirectories(temp.resolve("streams")),
            sink)) {
      sink.onWritten(progress);
      beforePublish.accept(live);
      try (KafkaProducer<String, byte[]> producer = producer()) {
        PackageReplay.publish(producer, events, System.currentTimeMillis());
      }
      assertThat(progress.await(Duration.ofMinutes(4), live::failure))
          .as("every event reached the database: %s", progress.summary())
          .isTrue();
    }
  }

  /** The codes of every event in {@code stream_events}, by event id. */
  private static Map<String, String> streamRows(JdbcClient db) {
    Map<String, String> rows = new HashMap<>();
    db.sql("select event_id, result_codes from stream_events")
        .query(
            rs -> {
              String codes = rs.getString(2);
              rows.put(rs.getString(1), codes == null ? "" : codes);
            });
    return rows;
  }

  /** Waits until the topology has taken in the package ({@code null}: the whole database). */
  private static void awaitTakenIn(LiveLedger live, @Nullable String packageId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(live.failure()).isEmpty();
      if (live.tookIn(packageId)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the live path did not take in "
            + (packageId == null ? "the database" : packageId)
            + " within 90 s");
  }

  private ConfigurableApplicationContext context(String name) {
    return new SpringApplicationBuilder(IngestionTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.datasource.url=jdbc:h2:mem:agree_"
                + name
                + "_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
            "timebank.ingestion.data-dir=" + temp.resolve(name))
        .run();
  }

  private DatabaseSink sink(ConfigurableApplicationContext stream, Registry registry) {
    return new DatabaseSink(
        broker.getBrokersAsString(),
        "agreement-sink",
        stream.getBean(DataSource.class),
        stream.getBean(PlatformTransactionManager.class),
        stream.getBean(JdbcLedgerState.class),
        stream.getBean(CanonicalRecords.class),
        new ServiceFiguresOf(stream.getBean(HourCalculator.class)),
        registry,
        Clock.systemUTC());
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** The replay's event id of a receipt line: {@code <bank>-<period>-<seq>-<file stem>-<line>}. */
  private static String key(String prefix, ReceiptLine line) {
    return prefix + "-" + line.file().replaceAll("\\..*$", "") + "-" + line.line();
  }

  private static String sorted(String codes) {
    return codes.isEmpty()
        ? ""
        : String.join(",", new java.util.TreeSet<>(List.of(codes.split(","))));
  }

  private static List<String> totals(JdbcClient db) {
    return db.sql(
            "select bank_code, account_kind, coalesce(participant_ref, '-'), count(*),"
                + " sum(case when amount_minutes > 0 then amount_minutes else 0 end),"
                + " sum(case when amount_minutes < 0 then amount_minutes else 0 end)"
                + " from ledger_entries group by bank_code, account_kind, participant_ref"
                + " order by 1, 2, 3")
        .query(
            (rs, n) ->
                String.join(
                    "|",
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  private static List<String> lines(JdbcClient db) {
    return db.sql(
            "select idempotency_key, entry_kind, account_kind, coalesce(participant_ref, '-'),"
                + " amount_minutes from ledger_entries order by 1, 3, 4, 5")
        .query(
            (rs, n) ->
                String.join(
                    "|",
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }
}
