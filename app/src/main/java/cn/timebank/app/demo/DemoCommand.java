package cn.timebank.app.demo;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.simulate.SimulationReport;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import cn.timebank.ingestion.verify.PackageVerifier;
import cn.timebank.ingestion.verify.Rejected;
import cn.timebank.ingestion.verify.VerificationResult;
import cn.timebank.ingestion.verify.Verified;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.SimulationResult;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.registry.RegistryFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank demo}: the end-to-end demonstration on embedded defaults. Simulates a small
 * world of banks into {@code OUT/packages}, registers the banks, verifies every package and shows,
 * per bank, its services and the standard hours by unified category as the standard computes them.
 */
@Component
class DemoCommand implements Command {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final RegistryImport registryImport;
  private final RegistryStore registry;
  private final DueDates dueDates;
  private final HourCalculator calculator;
  private final Clock clock;
  private final PrintStream out = System.out;

  DemoCommand(
      RegistryImport registryImport,
      RegistryStore registry,
      DueDates dueDates,
      HourCalculator calculator,
      Clock clock) {
    this.registryImport = registryImport;
    this.registry = registry;
    this.dueDates = dueDates;
    this.calculator = calculator;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "the end-to-end demonstration on embedded defaults";
  }

  @Override
  public String usage() {
    return "[--out DIR] [--period YYYY-MM] [--services S]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("out", "where packages and reports go (default ./out)"),
        Option.value("period", "the simulated month (default: two months ago)"),
        Option.value("services", "services to simulate (default 50000)"));
  }

  @Override
  public int run(CommandLine line) throws IOException {
    Path outDir = line.path("out", "out");
    YearMonth period =
        line.period("period").orElse(YearMonth.now(clock.withZone(SHANGHAI)).minusMonths(2));
    Path packages = outDir.resolve("packages");
    clean(packages);

    out.println("== 1. Simulate: 8 banks, 5,000 participants, their packages for " + period);
    SimulationResult world =
        Simulator.run(
            new SimulationOptions(
                8,
                5_000,
                line.intValue("services", 50_000),
                period,
                2026,
                packages,
                false,
                0.002,
                true));
    SimulationReport.print(world, out);

    out.println();
    out.println("== 2. Register the banks (registry import)");
    registryImport.importBanks(RegistryFile.read(packages.resolve("registry.json")));
    out.println("  " + registry.all().size() + " banks registered");

    out.println();
    out.println("== 3. Verify each package and compute standard hours by category");
    DemoHistory history = new DemoHistory();
    PackageVerifier verifier =
        new PackageVerifier(
            registry::find, history, dueDates, OpeningLimits.defaults(), ReadLimits.defaults());
    PackagePreview preview = new PackagePreview(calculator);
    for (Path pkg : packagesIn(packages)) {
      show(pkg, verifier, history, preview);
    }
    out.println();
    out.println("== 4. Broken packages: each is refused whole, with its code");
    for (Path pkg : packagesIn(packages.resolve("bad"))) {
      show(pkg, verifier, history, null);
    }
    out.println();
    out.println("Packages are in " + packages.toAbsolutePath());
    return 0;
  }

  private void show(
      Path path, PackageVerifier verifier, DemoHistory history, PackagePreview preview)
      throws IOException {
    Delivery delivery = Delivery.of(path);
    try (OpenedPackage pkg = OpenedPackage.open(delivery, OpeningLimits.defaults())) {
      VerificationResult result = verifier.verify(pkg, clock.instant());
      if (result instanceof Rejected rejected) {
        out.printf("  %-34s RJCT %s%n", path.getFileName(), rejected.message());
        return;
      }
      Verified verified = (Verified) result;
      history.remember(verified);
      if (preview == null) {
        out.printf("  %-34s verified%n", path.getFileName());
        return;
      }
      CategoryHours hours = preview.services(pkg, verified);
      HoursTable.print(path.getFileName().toString(), verified, hours, out);
    }
  }

  private static List<Path> packagesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".zip") || Files.isDirectory(p))
          .filter(p -> !List.of("keys", "bad").contains(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  private static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
