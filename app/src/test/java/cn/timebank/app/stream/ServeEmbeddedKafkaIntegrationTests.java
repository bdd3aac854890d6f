package cn.timebank.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.cli.CommandLauncher;
import cn.timebank.app.support.CommandRun;
import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.RegistryFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./timebank serve --port 0 --embedded-kafka} through the launcher, in this JVM: it prints
 * the broker's bootstrap address; a bank's system publishes events there (a simulated package's
 * participants and services, as a producer of its own); they reach the ledger while the server runs
 * ({@code balances}); Ctrl-C (here: interrupting the launcher) stops everything cleanly.
 */
class ServeEmbeddedKafkaIntegrationTests {

  private static final Pattern KAFKA = Pattern.compile("kafka\\s+(\\S+)\\s+\\(events to");

  @TempDir Path dataDir;
  @TempDir Path world;

  @Test
  void takesEventsFromABanksSystemWhileServing() throws Exception {
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(new SimulationOptions(1, 40, 120, period, 5, world, false, 0, false));
    CommandRun timebank = new CommandRun(dataDir);
    assertThat(timebank.run("registry", "import", world.resolve("registry.json").toString()))
        .isZero();
    List<BankRegistryEntry> banks = RegistryFile.read(world.resolve("registry.json"));
    String bank = banks.get(0).bankCode().value();
    List<PackageReplay.Event> events =
        new PackageReplay(
                code -> banks.stream().filter(b -> b.bankCode().equals(code)).findFirst(),
                new DueDates(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn()),
                Clock.systemUTC())
            .prepare(world.resolve(bank + "_" + period + "_1.zip"))
            .events();

    ByteArrayOutputStream served = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream console = System.out;
    PrintStream serveOut = new PrintStream(served, true, StandardCharsets.UTF_8);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    new CommandLauncher(
                            TimebankApplication.class,
                            serveOut,
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                        .launch(
                            new String[] {
                              "serve",
                              "--port",
                              "0",
                              "--embedded-kafka",
                              "--data-dir",
                              dataDir.toString()
                            })));
    String servers;
    System.setOut(serveOut); // the command prints on the System.out it was made with
    try {
      serving.start();
      servers = awaitBootstrap(served);
    } finally {
      System.setOut(console);
    }
    try {
      assertThat(servers).as("serve printed: %s", served).matches("[^:\\s]+:\\d+");
      try (KafkaProducer<String, byte[]> producer = producer(servers)) {
        PackageReplay.publish(producer, events, System.currentTimeMillis());
      }

      String balances = awaitBalances(timebank, bank);
      List<String> rows = balances.lines().toList();
      assertThat(rows.subList(1, rows.size() - 4)).as("participants with a balance").isNotEmpty();
      assertThat(
              rows.subList(1, rows.size() - 1).stream()
                  .mapToLong(r -> Long.parseLong(r.split(",")[1]))
                  .sum())
          .as("the bank's accounts sum to zero")
          .isZero();
      assertThat(timebank.run("verify-ledger")).isZero();

      // One live path per database: serve's says that it runs, under its name (its presence and
      // its ledger task), and a stream-replay on the same data dir does not start beside it.
      assertThat(livePaths(dataDir))
          .hasSizeGreaterThanOrEqualTo(2)
          .containsOnly("timebank-ledger@" + servers);
      Path pkg = world.resolve(bank + "_" + period + "_1.zip");
      assertThat(timebank.run("stream-replay", pkg.toString())).isOne();
      assertThat(timebank.err())
          .contains("another live path takes events into this database")
          .contains("send the events to its broker " + servers);

      // The bank's package dropped in the inbox while the live path runs: the run asks the live
      // path to hold its events, the database sink acknowledges, and the hold is done once the
      // receipt is stored (one writer at a time). The records are those sent as events:
      // confirmations.
      Path drop = Files.createDirectories(dataDir.resolve("inbox").resolve(bank));
      Files.copy(
          world.resolve(bank + "_" + period + "_1.zip"), drop.resolve(bank + "_package.zip"));
      assertThat(awaitDoneHold(dataDir))
          .as("the package's hold: acknowledged, done")
          .matches("held=true done=true");
    } finally {
      serving.interrupt();
      serving.join(60_000);
    }
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isEqualTo(CommandLauncher.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(livePaths(dataDir)).as("a live path that stopped says so").isEmpty();
  }

  /** The names in the served database's live path heartbeats. */
  private static List<String> livePaths(Path dataDir) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("db/timebank") + ";AUTO_SERVER=TRUE";
    List<String> names = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet rs = c.createStatement().executeQuery("select live_path from live_paths")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Waits for a done hold in the served database: whether it was acknowledged and done. */
  private static String awaitDoneHold(Path dataDir) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("db/timebank") + ";AUTO_SERVER=TRUE";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select held_at, done_at from live_holds where done_at is not null")) {
        if (rs.next()) {
          return "held=" + (rs.getTimestamp(1) != null) + " done=true";
        }
      }
      Thread.sleep(1000);
    }
    return "(no done hold within 90 s)";
  }

  private static String awaitBootstrap(ByteArrayOutputStream served) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      Matcher m = KAFKA.matcher(served.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(200);
    }
    return "(none)";
  }

  /**
   * Polls {@code balances} until the bank's participants have balances and two looks a few seconds
   * apart agree (the sink has written every event; the command's queries are not one snapshot).
   */
  private static String awaitBalances(CommandRun timebank, String bank)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    String balances = "";
    while (Instant.now().isBefore(deadline)) {
      assertThat(timebank.run("balances", bank)).isZero();
      String before = balances;
      balances = timebank.out();
      if (balances.lines().count() > 6 && balances.equals(before)) {
        return balances;
      }
      Thread.sleep(3000);
    }
    return balances;
  }

  private static KafkaProducer<String, byte[]> producer(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
