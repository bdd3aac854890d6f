package cn.timebank.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One small simulated world per test JVM (3 banks, 300 participants, 3,000 services, faults). */
final class SimulatedWorlds {

  static final YearMonth PERIOD = YearMonth.of(2026, 9);
  private static Path faulty;

  private SimulatedWorlds() {}

  static synchronized Path faulty() {
    if (faulty == null) {
      faulty = simulate(options(tempDir("sim-faulty"), 0.02, true, false));
    }
    return faulty;
  }

  static SimulationOptions options(Path out, double errorRate, boolean bad, boolean folders) {
    return new SimulationOptions(3, 300, 3000, PERIOD, 42, out, folders, errorRate, bad);
  }

  static Path simulate(SimulationOptions options) {
    Simulator.run(options);
    return options.out();
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return DeliveredPackage.JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> truth(Path out) {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(out.resolve("truth.jsonl"))) {
        lines.add(DeliveredPackage.JSON.readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
