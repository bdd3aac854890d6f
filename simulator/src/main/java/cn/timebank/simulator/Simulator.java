package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./timebank simulate}: writes deterministic, signed, spec-conformant submission packages of
 * simulated time banks, with the registry, the private keys, the truth file of every expected
 * result code and a summary of the planted patterns. See {@code simulator/README.md}.
 */
public final class Simulator {

  /** Codes injected at a service, a participant or a transaction of the period's packages. */
  static final List<String> REQUIRED_CODES =
      List.of(
          "R101", "R102", "R103", "R104", "R105", "R106", "R107", "R108", "R109", "R110", "R111",
          "R112", "R113", "R114", "R115", "R116", "R117", "W202", "W203", "W205", "W206", "W207");

  private Simulator() {}

  public static SimulationResult run(SimulationOptions options) {
    try {
      Files.createDirectories(options.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Catalogue catalogue = Catalogue.of(options.period());
    List<BankProfile> profiles = Banks.of(options.banks(), options.period(), catalogue);
    List<KeyPair> keys = new ArrayList<>();
    for (BankProfile bank : profiles) {
      keys.add(Keys.derive(keyLabel(options, bank)));
    }
    BankProfile suspended = Banks.suspended(catalogue);
    KeyPair suspendedKey = Keys.derive(keyLabel(options, suspended));
    World world = World.build(options, profiles, catalogue);
    Map<Integer, List<String>> required = assign(profiles, options.errorRate() > 0);
    Truth truth = new Truth();
    Patterns patterns = new Patterns();
    List<SimulationResult.BankSummary> summaries = new ArrayList<>();
    List<BankGenerator.Output> outputs = new ArrayList<>();
    for (int b = 0; b < profiles.size(); b++) {
      BankGenerator.Output output =
          new BankGenerator(
                  world,
                  b,
                  options,
                  required.getOrDefault(b, List.of()),
                  truth,
                  patterns,
                  keys.get(b))
              .generate();
      outputs.add(output);
      summaries.add(summary(profiles.get(b), output, catalogue));
    }
    List<String> bad = List.of();
    if (options.badPackages()) {
      bad =
          new BadPackages(
                  options.out(),
                  options.folders(),
                  profiles.get(0),
                  keys.get(0),
                  options.period(),
                  outputs.get(0).heads(),
                  truth)
              .writeAll(
                  suspended, suspendedKey, Keys.derive(keyLabel(options, suspended) + "/wrong"));
    }
    write(
        options.out().resolve("registry.json"),
        Registry.json(profiles, keys, suspended, suspendedKey));
    for (int b = 0; b < profiles.size(); b++) {
      writeKey(options.out(), profiles.get(b), keys.get(b));
    }
    writeKey(options.out(), suspended, suspendedKey);
    write(options.out().resolve("truth.jsonl"), truth.jsonLines().getBytes(StandardCharsets.UTF_8));
    write(
        options.out().resolve("world.json"),
        WorldSummary.json(options, world, patterns, outputs).getBytes(StandardCharsets.UTF_8));
    return new SimulationResult(options.out(), summaries, truth.size(), bad);
  }

  private static String keyLabel(SimulationOptions options, BankProfile bank) {
    return "timebank-simulator/seed="
        + options.seed()
        + "/bank="
        + bank.code()
        + "/"
        + bank.keyId();
  }

  /** Spreads the required codes over the banks; R103, R104 and W202 need a bank with durations. */
  static Map<Integer, List<String>> assign(List<BankProfile> banks, boolean faults) {
    Map<Integer, List<String>> byBank = new LinkedHashMap<>();
    if (!faults) {
      return byBank;
    }
    for (int k = 0; k < REQUIRED_CODES.size(); k++) {
      String code = REQUIRED_CODES.get(k);
      boolean needsDuration = code.equals("R103") || code.equals("R104") || code.equals("W202");
      int b = k % banks.size();
      while (needsDuration && !banks.get(b).hasDuration()) {
        b = (b + 1) % banks.size();
      }
      byBank.computeIfAbsent(b, x -> new ArrayList<>()).add(code);
    }
    return byBank;
  }

  private static SimulationResult.BankSummary summary(
      BankProfile bank, BankGenerator.Output output, Catalogue catalogue) {
    Map<String, Integer> categories = new LinkedHashMap<>();
    for (Category c : catalogue.categories()) {
      categories.put(c.code(), output.perCategory().getOrDefault(c.code(), 0));
    }
    return new SimulationResult.BankSummary(
        bank.code(),
        bank.name(),
        bank.basis(),
        bank.encodingName(),
        bank.format(),
        output.packages(),
        output.records(),
        categories);
  }

  private static void writeKey(Path out, BankProfile bank, KeyPair key) {
    write(
        out.resolve("keys").resolve(bank.code() + "." + bank.keyId() + ".pk8"),
        (Keys.privateKeyBase64(key) + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Standalone use: the same flags as {@code ./timebank simulate}. */
  public static void main(String[] args) {
    SimulationOptions options;
    try {
      options = SimulationOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: simulate --banks N --participants P --services S --period YYYY-MM --seed X"
              + " --out DIR [--folders] [--error-rate R] [--bad-packages]");
      System.exit(2);
      return;
    }
    SimulationResult result = run(options);
    for (SimulationResult.BankSummary bank : result.banks()) {
      System.out.printf(
          "%s %s %s %s/%s packages=%s records=%s%n",
          bank.code(),
          bank.name(),
          bank.amountBasis(),
          bank.encoding(),
          bank.format(),
          bank.packages(),
          bank.records());
    }
    System.out.printf(
        "truth.jsonl: %d lines; bad packages: %d; output in %s%n",
        result.truthLines(), result.badPackages().size(), result.out());
  }
}
