package cn.timebank.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded H2 database, commands run beside a running {@code serve} on the same data
 * directory (H2's automatic mixed mode: the first process serves the file to the others): the
 * application jar as a user runs it, {@code serve} in one child JVM, {@code ingest} and {@code
 * balances} in others while it runs.
 */
class SharedDataDirIntegrationTests {

  private static final Path JAR = Path.of("target/timebank.jar").toAbsolutePath();
  private static final String BANK = "310109-001";

  @TempDir Path world;
  @TempDir Path data;

  @Test
  void commandsRunWhileTheServerHoldsTheDatabase() throws Exception {
    assertThat(JAR).as("the application jar (built by package, before failsafe)").isRegularFile();
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(new SimulationOptions(1, 40, 200, period, 5, world, false, 0.0, false));
    assertThat(run("registry", "import", world.resolve("registry.json").toString()).exit())
        .isZero();

    Path serveOut = data.resolve("serve.out");
    Process serve =
        new ProcessBuilder(command("serve", "--port", String.valueOf(freePort())))
            .redirectOutput(serveOut.toFile())
            .redirectError(data.resolve("serve.err").toFile())
            .start();
    try {
      awaitReady(serve, serveOut, Duration.ofMinutes(3));

      Result ingest = run("ingest", world.resolve(BANK + "_" + period + "_1.zip").toString());
      assertThat(ingest.exit()).as(ingest.err()).isZero();
      assertThat(ingest.out()).containsPattern("\"status\" : \"(ACPT|WARN)\"");

      Result balances = run("balances", BANK);
      assertThat(balances.exit()).as(balances.err()).isZero();
      assertThat(balances.out()).contains("#ISSUANCE,-").contains("#LIABILITY,");
      assertThat(serve.isAlive()).as("the server still runs").isTrue();
    } finally {
      serve.destroy();
      if (!serve.waitFor(60, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitReady(Process serve, Path out, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(serve.isAlive()).as("serve exited early").isTrue();
      if (Files.exists(out)
          && Files.readString(out, StandardCharsets.UTF_8).contains("drop folder")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("serve did not start within " + within);
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    command.add("--data-dir");
    command.add(data.toString());
    return command;
  }

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) throws Exception {
    Path out = Files.createTempFile(world, "out", ".txt");
    Path err = Files.createTempFile(world, "err", ".txt");
    Process process =
        new ProcessBuilder(command(args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", args));
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
