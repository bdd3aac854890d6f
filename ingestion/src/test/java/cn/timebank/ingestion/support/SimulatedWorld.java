package cn.timebank.ingestion.support;

import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small simulated world (3 banks, 300 participants, about 3,000 services, random faults at 1 %,
 * the broken packages), written once per test JVM, for a period two months back so that every
 * package is on time to be checked (see simulator/README.md).
 */
public final class SimulatedWorld {

  public static final YearMonth PERIOD = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static Path out;

  private SimulatedWorld() {}

  /** The simulator's output folder. */
  public static synchronized Path out() {
    if (out == null) {
      try {
        Path dir = Files.createTempDirectory("ingestion-world");
        Simulator.run(new SimulationOptions(3, 300, 3000, PERIOD, 42, dir, false, 0.01, true));
        out = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The good packages, in file-name order (the order the simulator's truth assumes). */
  public static List<Path> goodPackages() {
    return zips(out());
  }

  /** The broken packages of {@code bad/}, in file-name order. */
  public static List<Path> badPackages() {
    return zips(out().resolve("bad"));
  }

  public static Path registry() {
    return out().resolve("registry.json");
  }

  /** The truth file's lines. */
  public static List<JsonNode> truth() {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(out().resolve("truth.jsonl"))) {
        lines.add(JSON.readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records a package's manifest declares for one of its files. */
  public static long truthRecords(String packageName, String file) {
    try (java.util.zip.ZipFile zip =
        new java.util.zip.ZipFile(out().resolve(packageName).toFile())) {
      JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
      for (JsonNode entry : manifest.get("files")) {
        if (entry.get("name").asString().equals(file)) {
          return entry.get("records").asLong();
        }
      }
      throw new IllegalArgumentException(file + " is not in " + packageName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every raw identity number of the good packages' participants files (CSV or JSON Lines). */
  public static List<String> idNumbers() {
    List<String> numbers = new ArrayList<>();
    java.util.regex.Pattern id = java.util.regex.Pattern.compile("\\b\\d{17}[\\dX]\\b");
    for (Path pkg : goodPackages()) {
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pkg.toFile())) {
        for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
          if (entry.getName().startsWith("participants")) {
            String text =
                new String(
                    zip.getInputStream(entry).readAllBytes(),
                    entry.getName().endsWith(".jsonl")
                        ? java.nio.charset.StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName("GB18030"));
            id.matcher(text).results().forEach(m -> numbers.add(m.group()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return numbers;
  }

  private static List<Path> zips(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
