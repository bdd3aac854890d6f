package cn.timebank.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.support.CommandRun;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path as a user tries it: {@code stream-replay} publishes a simulated package as events
 * to the in-JVM broker, the topology applies them, the sink writes the ledger; {@code balances} and
 * {@code verify-ledger} then read it. Replaying the same package again changes nothing: the sink is
 * idempotent by event id and the ledger writer by idempotency key.
 */
class StreamReplayIntegrationTests {

  @TempDir Path dataDir;
  @TempDir Path world;

  @Test
  void replaysAPackageIntoTheLedgerAndASecondReplayDoublesNothing() {
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(new SimulationOptions(1, 60, 300, period, 11, world, false, 0.02, false));
    Path pkg = world.resolve("310109-001_" + period + "_1.zip");
    CommandRun timebank = new CommandRun(dataDir);

    assertThat(timebank.run("registry", "import", world.resolve("registry.json").toString()))
        .isZero();
    assertThat(timebank.run("stream-replay", pkg.toString())).isZero();
    assertThat(timebank.out()).contains("events:", "accepted:", "rejected:");
    assertThat(timebank.out())
        .as("the embedded broker's start-up prints nothing among the command's output")
        .doesNotContain("Formatting metadata directory");

    assertThat(timebank.run("balances", "310109-001")).isZero();
    String balances = timebank.out();
    List<String> rows = balances.lines().toList();
    assertThat(rows.subList(1, rows.size() - 4)).as("participants with a balance").isNotEmpty();
    long sum =
        rows.subList(1, rows.size() - 1).stream()
            .mapToLong(row -> Long.parseLong(row.split(",")[1]))
            .sum();
    assertThat(sum).as("the bank's accounts sum to zero").isZero();
    assertThat(timebank.run("verify-ledger")).isZero();
    assertThat(timebank.out()).startsWith("OK");

    assertThat(timebank.run("stream-replay", pkg.toString())).isZero();
    assertThat(timebank.out())
        .as("its events' ids are known as applied: re-sends, without an outcome")
        .contains("accepted: 0\n")
        .containsPattern("already in the database \\(same event id, skipped\\): [1-9]");
    assertThat(count(timebank.out(), "rejected"))
        .as("its rejected events, judged again")
        .isPositive();
    assertThat(
            count(timebank.out(), "accepted")
                + count(timebank.out(), "confirmed")
                + count(timebank.out(), "rejected")
                + count(timebank.out(), "already in the database (same event id, skipped)"))
        .as("each event counted once")
        .isEqualTo(count(timebank.out(), "events"));
    assertThat(timebank.run("balances", "310109-001")).isZero();
    assertThat(timebank.out()).as("a second replay changes nothing").isEqualTo(balances);
    assertThat(timebank.run("verify-ledger")).isZero();
  }

  @Test
  void aReplayedPackageGivesTheBalancesIngestGives(@TempDir Path ingested) throws Exception {
    // a bank's first package without package-only faults (R110, R113): its opening balances too
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(new SimulationOptions(1, 60, 300, period, 12, world, false, 0.0, false));
    Path pkg = world.resolve("310109-001_" + period + "_1.zip");
    String registry = world.resolve("registry.json").toString();
    CommandRun replay = new CommandRun(dataDir);
    CommandRun ingest = new CommandRun(ingested);
    assertThat(replay.run("registry", "import", registry)).isZero();
    assertThat(ingest.run("registry", "import", registry)).isZero();

    assertThat(replay.run("stream-replay", pkg.toString())).isZero();
    assertThat(ingest.run("ingest", pkg.toString())).isZero();

    assertThat(replay.run("balances", "310109-001")).isZero();
    assertThat(ingest.run("balances", "310109-001")).isZero();
    assertThat(replay.out()).isEqualTo(ingest.out());
    assertThat(transactions(pkg))
        .as("the package brings opening balances")
        .contains("OPENING_BALANCE");
  }

  @Test
  void aReplayDoesNotStartBesideAnotherLivePathOnTheDatabase() throws Exception {
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(new SimulationOptions(1, 60, 300, period, 13, world, false, 0.0, false));
    Path pkg = world.resolve("310109-001_" + period + "_1.zip");
    CommandRun timebank = new CommandRun(dataDir);
    assertThat(timebank.run("registry", "import", world.resolve("registry.json").toString()))
        .isZero();
    // serve --embedded-kafka on this data dir: its ledger task says every second that it runs
    String url =
        "jdbc:h2:file:" + dataDir.resolve("db/timebank").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, "sa", "")) {
      try (java.sql.PreparedStatement heartbeat =
          db.prepareStatement(
              "insert into live_paths (instance_id, live_path, seen_at) values (?, ?, ?)")) {
        heartbeat.setString(1, "serve-task");
        heartbeat.setString(2, "timebank-ledger@127.0.0.1:40123");
        // a minute ahead: still fresh however long the command below takes to start
        heartbeat.setObject(
            3, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));
        heartbeat.executeUpdate();
      }
    }

    assertThat(timebank.run("stream-replay", pkg.toString())).isEqualTo(1);

    assertThat(timebank.err())
        .contains("another live path takes events into this database")
        .contains("timebank-ledger@127.0.0.1:40123")
        .contains("send the events to its broker 127.0.0.1:40123")
        .doesNotContain("Exception");
    assertThat(timebank.out()).doesNotContain("publishing");
    assertThat(timebank.run("balances", "310109-001")).isZero();
    assertThat(timebank.out().lines().filter(l -> !l.startsWith("#"))).hasSize(1); // the header
  }

  /** The number after {@code label:} in a stream-replay summary. */
  private static long count(String summary, String label) {
    return summary
        .lines()
        .filter(l -> l.startsWith(label + ":"))
        .map(l -> l.substring(label.length() + 1).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + label + ":' in " + summary));
  }

  private static String transactions(Path pkg) throws java.io.IOException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pkg.toFile())) {
      StringBuilder text = new StringBuilder();
      for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
        if (entry.getName().startsWith("transactions")) {
          text.append(
              new String(
                  zip.getInputStream(entry).readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return text.toString();
    }
  }
}
