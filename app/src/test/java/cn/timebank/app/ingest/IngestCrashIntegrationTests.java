package cn.timebank.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash is harmless: {@code ./timebank ingest} of one large package runs as a child JVM (the
 * application jar, as a user runs it) and is killed with SIGKILL ({@code destroyForcibly}) once the
 * apply step has committed a few chunks; {@code ingest} run again on the same package completes it.
 * The result is compared with a clean run of the same package in another data directory: the same
 * receipt, the same balances, the same ledger lines under the same idempotency keys (each exactly
 * once), and both chains intact.
 *
 * <p>Size: {@code -Dtimebank.test.crash.services} (20,000 by default; 200,000 under {@code
 * -Plong}).
 */
class IngestCrashIntegrationTests {

  private static final int SERVICES = Integer.getInteger("timebank.test.crash.services", 20_000);
  private static final int PARTICIPANTS = Math.max(200, SERVICES / 4);
  private static final int CHUNK = 500;
  private static final String BANK = "310109-001";
  private static final Path JAR = Path.of("target/timebank.jar").toAbsolutePath();
  private static final Pattern COMMITTED =
      Pattern.compile("apply chunk (\\d+) committed", Pattern.MULTILINE);

  @TempDir Path world;
  @TempDir Path crashed;
  @TempDir Path clean;

  @Test
  void ingestKilledInTheMiddleOfALargePackageCompletesWhenRunAgainWithEveryRecordOnce()
      throws Exception {
    assertThat(JAR).as("the application jar (built by package, before failsafe)").isRegularFile();
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(
        new SimulationOptions(1, PARTICIPANTS, SERVICES, period, 11, world, false, 0.001, false));
    Path pkg = world.resolve(BANK + "_" + period + "_1.zip");
    Path registry = world.resolve("registry.json");

    assertThat(run(crashed, "registry", "import", registry.toString()).exit).isZero();
    Process ingest = start(crashed, "ingest", pkg.toString());
    // participants come first and post nothing: wait until a few chunks of services are in
    int killAfter = (PARTICIPANTS + CHUNK - 1) / CHUNK + 4;
    int chunksSeen = awaitCommittedChunks(crashed, ingest, killAfter, Duration.ofMinutes(20));
    ingest.destroyForcibly();
    assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ingest.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    long appliedBeforeCrash;
    long entriesBeforeCrash;
    try (Connection db = open(crashed)) {
      assertThat(count(db, "select count(*) from packages")).as("no receipt stored yet").isZero();
      assertThat(count(db, "select count(*) from package_runs")).isOne();
      appliedBeforeCrash =
          count(db, "select count(*) from staged_records where outcome is not null");
      entriesBeforeCrash = count(db, "select count(*) from ledger_entries");
      long unapplied = count(db, "select count(*) from staged_records where outcome is null");
      assertThat(appliedBeforeCrash).as("chunks committed before the kill").isPositive();
      assertThat(unapplied).as("records left to apply").isPositive();
      assertThat(count(db, "select count(*) from batch_job_execution where status = 'STARTED'"))
          .as("the execution left STARTED, as only a killed process leaves it")
          .isOne();
      assertThat(entriesBeforeCrash).isPositive();
    }

    Result resumed = run(crashed, "ingest", pkg.toString());
    assertThat(resumed.exit).as(resumed.err).isZero();
    assertThat(log(crashed)).contains("which is gone: recovering it");

    assertThat(run(clean, "registry", "import", registry.toString()).exit).isZero();
    Result reference = run(clean, "ingest", pkg.toString());
    assertThat(reference.exit).as(reference.err).isZero();

    assertThat(withoutReceivedAt(resumed.out)).isEqualTo(withoutReceivedAt(reference.out));
    String packageId = packageId(resumed.out);
    Result stored = run(crashed, "receipt", packageId);
    assertThat(stored.exit).isZero();
    assertThat(stored.out).isEqualTo(resumed.out);

    Result balances = run(crashed, "balances", BANK);
    assertThat(balances.exit).isZero();
    assertThat(balances.out).isEqualTo(run(clean, "balances", BANK).out);
    assertThat(run(crashed, "verify-ledger").out.lines().findFirst()).contains("OK");
    assertThat(run(clean, "verify-ledger").out.lines().findFirst()).contains("OK");

    List<String> crashedLines;
    List<String> cleanLines;
    try (Connection db = open(crashed)) {
      assertThat(
              count(
                  db,
                  "select count(*) from (select idempotency_key, line_no from ledger_entries"
                      + " group by idempotency_key, line_no having count(*) > 1) twice"))
          .isZero();
      assertThat(
              count(
                  db,
                  "select count(*) from (select bank_code, service_ref from services"
                      + " group by bank_code, service_ref having count(*) > 1) twice"))
          .isZero();
      assertThat(count(db, "select count(*) from staged_records")).isZero();
      crashedLines = ledgerLines(db);
    }
    try (Connection db = open(clean)) {
      cleanLines = ledgerLines(db);
    }
    assertThat(crashedLines).hasSizeGreaterThan((int) entriesBeforeCrash);
    assertThat(crashedLines).isEqualTo(cleanLines);
    System.out.printf(
        "crash test: %d services, killed after %d chunks seen (%d records applied, %d ledger"
            + " lines); resumed to %d ledger lines%n",
        SERVICES, chunksSeen, appliedBeforeCrash, entriesBeforeCrash, crashedLines.size());
  }

  /** Every ledger line without its id, chain position, time and hashes, in a stable order. */
  private static List<String> ledgerLines(Connection db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select idempotency_key, line_no, bank_code, account_kind, participant_ref,"
                    + " amount_minutes, entry_kind, source_ref, source_id from ledger_entries"
                    + " order by idempotency_key, line_no")) {
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
          line.append(rs.getString(i)).append('|');
        }
        lines.add(line.toString());
      }
    }
    return lines;
  }

  private static int awaitCommittedChunks(
      Path dataDir, Process process, int chunks, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive())
          .as("the ingest ended before %d chunks were committed", chunks)
          .isTrue();
      var seen = COMMITTED.matcher(log(dataDir)).results().count();
      if (seen >= chunks) {
        return (int) seen;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + chunks + " committed chunks within " + timeout);
  }

  private static String log(Path dataDir) throws IOException {
    Path log = dataDir.resolve("logs/timebank.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static String withoutReceivedAt(String receipt) {
    return receipt.replaceAll("\"received_at\" : \"[^\"]*\"", "\"received_at\" : \"-\"");
  }

  private static String packageId(String receipt) {
    var m = Pattern.compile("\"package_id\" : \"([^\"]+)\"").matcher(receipt);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static Connection open(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/timebank"), "sa", "");
  }

  private static long count(Connection db, String query) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Process start(Path dataDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Dtimebank.ingestion.chunk-size=" + CHUNK);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    command.add("--data-dir");
    command.add(dataDir.toString());
    return new ProcessBuilder(command)
        .redirectOutput(dataDir.resolve("stdout-" + System.nanoTime()).toFile())
        .redirectError(dataDir.resolve("stderr-" + System.nanoTime()).toFile())
        .start();
  }

  private static Result run(Path dataDir, String... args) throws Exception {
    Path out = Files.createTempFile("timebank-out", ".txt");
    Path err = Files.createTempFile("timebank-err", ".txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Dtimebank.ingestion.chunk-size=" + CHUNK);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    command.add("--data-dir");
    command.add(dataDir.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", args));
    }
    try {
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
