package cn.timebank.app.demo;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.simulate.SimulationReport;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.store.CategoryTotals;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.scoring.finding.Finding;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.SimulationResult;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.RegistryFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank demo}: the end-to-end demonstration on embedded defaults. Simulates a small
 * world of banks into {@code OUT/packages}, registers the banks, ingests every package through
 * {@link Submissions} (the good ones in file-name order, then the broken ones of {@code bad/}), and
 * shows per bank its receipts, its balances and liability, and its standard hours by unified
 * category from the canonical services in the database; the ledger's chain verification; finally
 * runs the {@code score} job for the period and shows the grade distribution, the bank ratings and
 * the findings, marking the fraud rings the simulator planted ({@code world.json}).
 */
@Component
class DemoCommand implements Command {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final RegistryImport registryImport;
  private final RegistryStore registry;
  private final Submissions submissions;
  private final Balances balances;
  private final CategoryTotals categories;
  private final LedgerVerifier verifier;
  private final StandardVersions versions;
  private final Clock clock;
  private final ScoreJobRunner scoreJob;
  private final ParticipantScores scores;
  private final BankRatings ratings;
  private final Findings findings;
  private final DemoReports reports;
  private final DemoAccess access;
  private final LiveDays liveDays;
  private final PrintStream out = System.out;

  DemoCommand(
      RegistryImport registryImport,
      RegistryStore registry,
      Submissions submissions,
      Balances balances,
      CategoryTotals categories,
      LedgerVerifier verifier,
      StandardVersions versions,
      Clock clock,
      ScoreJobRunner scoreJob,
      ParticipantScores scores,
      BankRatings ratings,
      Findings findings,
      DemoReports reports,
      DemoAccess access,
      LiveDays liveDays) {
    this.access = access;
    this.liveDays = liveDays;
    this.registryImport = registryImport;
    this.registry = registry;
    this.submissions = submissions;
    this.balances = balances;
    this.categories = categories;
    this.verifier = verifier;
    this.versions = versions;
    this.clock = clock;
    this.scoreJob = scoreJob;
    this.scores = scores;
    this.ratings = ratings;
    this.findings = findings;
    this.reports = reports;
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
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("out", "where packages and reports go (default ./out)"),
        Option.value("period", "the simulated month (default: two months ago)"),
        Option.value("services", "services to simulate (default 20000)"));
  }

  @Override
  public int run(CommandLine line) throws Exception {
    Path outDir = line.path("out", "out");
    YearMonth period =
        line.period("period").orElse(YearMonth.now(clock.withZone(SHANGHAI)).minusMonths(2));
    Path packages = outDir.resolve("packages");
    liveDays.ensureAlone();
    clean(packages);

    out.println("== 1. Simulate: 8 banks, 5,000 participants, their packages for " + period);
    SimulationResult world =
        Simulator.run(
            new SimulationOptions(
                8,
                5_000,
                line.intValue("services", 20_000),
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
    List<Path> good = packagesIn(packages);
    List<Path> bad = packagesIn(packages.resolve("bad"));
    String nextMonth = "_" + period.plusMonths(1) + "_";
    List<Path> duringLive =
        good.stream().filter(p -> p.getFileName().toString().contains(nextMonth)).toList();
    out.println(
        "== 3. Ingest every package: the good ones in file-name order, then the broken ones"
            + (duringLive.isEmpty() ? "" : " (the next month's package comes in 5b)"));
    Map<Path, Receipt> receipts = new LinkedHashMap<>();
    int n = 0;
    List<Path> batch =
        Stream.concat(good.stream().filter(p -> !duringLive.contains(p)), bad.stream()).toList();
    for (Path pkg : batch) {
      long started = System.nanoTime();
      Receipt receipt = submissions.ingest(pkg);
      receipts.put(pkg, receipt);
      out.printf(
          "  [%2d/%d] %-40s %s%s  %.1f s%n",
          ++n,
          batch.size(),
          packages.relativize(pkg),
          receipt.status(),
          receipt.status().name().equals("RJCT") && !receipt.rejected().isEmpty()
              ? " " + receipt.rejected().get(0).code()
              : "",
          (System.nanoTime() - started) / 1e9);
    }

    out.println();
    out.println("== 4. Per bank: receipts, balances and liability, standard hours by category");
    for (BankRegistryEntry bank : registry.all()) {
      String code = bank.bankCode().value();
      List<Map.Entry<Path, Receipt>> own =
          receipts.entrySet().stream()
              .filter(e -> good.contains(e.getKey()))
              .filter(e -> code.equals(e.getValue().bankCode()))
              .toList();
      if (own.isEmpty()) {
        continue;
      }
      out.printf("%n  %s  %s  (%s)%n", code, bank.name(), bank.amountBasis());
      own.forEach(e -> BankSummary.receipt(e.getKey().getFileName().toString(), e.getValue(), out));
      BankSummary.balances(code, balances, out);
      HoursTable.print(categories.ofBank(code), versions.inForceOn(period.atEndOfMonth()), out);
    }

    out.println();
    out.println("== 5. Verify the ledger (verify-ledger)");
    List<ChainVerification> chains = verifier.verifyAll();
    long entries = chains.stream().mapToLong(ChainVerification::entriesChecked).sum();
    chains.stream()
        .flatMap(c -> c.firstBreak().stream())
        .findFirst()
        .ifPresentOrElse(
            broken -> out.println("  BROKEN " + broken),
            () -> out.printf("  OK: %d chains, %,d entries%n", chains.size(), entries));
    out.println();
    out.println(
        "== 5b. Live: the following days of two banks as events, alerts as they arrive"
            + (duringLive.isEmpty() ? "" : "; a package while they arrive"));
    receipts.putAll(liveDays.run(packages, period, duringLive, out));
    out.println();
    Period scored = Period.of(period.getYear(), period.getMonthValue());
    out.println("== 6. Score " + scored + " (score): findings, scores, bank ratings, PSI");
    long started = System.nanoTime();
    scoreJob.run(scored);
    out.printf("  scored in %.1f s; grade distribution:%n", (System.nanoTime() - started) / 1e9);
    ScoringSummary.grades(scores.gradeCounts(scored), out);
    out.println();
    out.println("  Bank ratings (ratings; criteria 0-100, weights 25/15/30/10/20):");
    ScoringSummary.ratings(ratings.stored(scored), out);
    out.println();
    List<Finding> found = findings.stored(scored, Optional.empty());
    out.println("  Findings (findings): " + found.size());
    ScoringSummary.findings(found, PlantedPatterns.read(packages.resolve("world.json")), out);
    out.println();
    out.println(
        "== 7. Reports (report): every type — receipt, compliance, overview, policy, statement");
    reports.write(
        outDir.resolve("reports"),
        period,
        receipts.entrySet().stream()
            .filter(e -> good.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .toList(),
        out);
    out.println();
    out.println("== 8. Who may see what (users, token): one user per role, real HTTP requests");
    access.show(
        scored,
        receipts.entrySet().stream()
            .filter(e -> good.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .toList(),
        out);
    out.println();
    out.println("Packages are in " + packages.toAbsolutePath());
    return 0;
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
