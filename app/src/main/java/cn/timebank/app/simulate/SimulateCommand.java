package cn.timebank.app.simulate;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.SimulationResult;
import cn.timebank.simulator.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank simulate}: writes the signed packages of simulated banks, their registry and
 * keys, and the truth file (see the simulator module's README).
 */
@Component
class SimulateCommand implements Command {

  private final PrintStream out = System.out;

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "write signed submission packages of simulated banks";
  }

  @Override
  public String usage() {
    return "--period YYYY-MM --out DIR [--banks N] [--participants P] [--services S] [--seed X]"
        + " [--folders] [--error-rate R] [--bad-packages]";
  }

  @Override
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("banks", "number of banks (default 8)"),
        Option.value("participants", "participants over all banks (default 2000)"),
        Option.value("services", "services over all banks (default 20000)"),
        Option.value("period", "the reporting month YYYY-MM (required)"),
        Option.value("seed", "the seed; the same arguments give the same bytes (default 1)"),
        Option.value("out", "the output directory (required)"),
        Option.flag("folders", "write folders instead of ZIP files"),
        Option.value("error-rate", "share of records given a fault, 0 to 0.5 (default 0)"),
        Option.flag("bad-packages", "also write one broken package per P code"));
  }

  @Override
  public int run(CommandLine line) throws IOException {
    SimulationOptions options = options(line);
    requireEmpty(options.out());
    SimulationResult result = Simulator.run(options);
    SimulationReport.print(result, out);
    return 0;
  }

  /**
   * The simulator writes into an empty or new directory: over an earlier simulation it would leave
   * the old files that the new truth file does not describe.
   */
  static void requireEmpty(Path out) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is a file, not a directory");
    }
    try (Stream<Path> entries = Files.list(out)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
      if (!names.isEmpty()) {
        throw new UsageException(
            "--out "
                + out
                + " is not empty (it holds "
                + String.join(", ", names)
                + (names.size() == 4 ? ", …" : "")
                + "): give an empty or new directory");
      }
    }
  }

  static SimulationOptions options(CommandLine line) {
    try {
      return new SimulationOptions(
          line.intValue("banks", 8),
          line.intValue("participants", 2000),
          line.intValue("services", 20_000),
          line.period("period").orElseThrow(() -> new UsageException("--period is required")),
          line.longValue("seed", 1),
          line.path("out", line.required("out")),
          line.flag("folders"),
          line.doubleValue("error-rate", 0),
          line.flag("bad-packages"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
