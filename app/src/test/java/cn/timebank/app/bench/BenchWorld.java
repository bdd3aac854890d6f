package cn.timebank.app.bench;

import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** What the benchmarks share: one simulated bank's package, and a fresh schema's name. */
final class BenchWorld {

  private BenchWorld() {}

  /**
   * Simulates one bank ({@code 310109-001}) for the month two months ago into {@code packages}
   * (with its {@code registry.json}) and returns its package.
   */
  static Path oneBank(Path packages, int services, int participants, double errorRate)
      throws IOException {
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    long started = System.nanoTime();
    Simulator.run(
        new SimulationOptions(
            1, participants, services, period, 2026, packages, false, errorRate, false));
    System.out.printf(
        "simulated 1 bank, %,d services, %,d participants in %.1f s%n",
        services, participants, (System.nanoTime() - started) / 1e9);
    try (Stream<Path> files = Files.list(packages)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("_" + period + "_1.zip"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** A PostgreSQL schema name no run has used: {@code bench_} and 12 random hex digits. */
  static String freshSchema() {
    return "bench_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }
}
