package cn.timebank.simulator;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What to simulate.
 *
 * @param banks number of banks (1-200); the first eight are distinct districts
 * @param participants participants over all banks (split by bank size)
 * @param services ordinary services over all banks; planted patterns and R113/R118 records add a
 *     few dozen
 * @param period the reporting month of the packages (2024-09 or later; for clean demos at least two
 *     months in the past, so that period + 1 is not in the future either)
 * @param seed the seed: the same options give byte-identical output
 * @param out the output directory (best empty)
 * @param folders write folders instead of ZIP files
 * @param errorRate share of services given a random fault; above 0 every R and W code appears
 * @param badPackages also write one broken package per P code into {@code out/bad}
 */
public record SimulationOptions(
    int banks,
    int participants,
    int services,
    YearMonth period,
    long seed,
    Path out,
    boolean folders,
    double errorRate,
    boolean badPackages) {

  public SimulationOptions {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(out, "out");
    if (banks < 1 || banks > 200) {
      throw new IllegalArgumentException("--banks must be between 1 and 200");
    }
    if (participants < banks * 30) {
      throw new IllegalArgumentException("--participants must be at least 30 per bank");
    }
    if (services < 0) {
      throw new IllegalArgumentException("--services must not be negative");
    }
    if (period.isBefore(YearMonth.of(2024, 9))) {
      throw new IllegalArgumentException(
          "--period must be 2024-09 or later (banks register from 2024-01)");
    }
    if (errorRate < 0 || errorRate > 0.5) {
      throw new IllegalArgumentException("--error-rate must be between 0 and 0.5");
    }
  }

  /**
   * Parses {@code --banks N --participants P --services S --period YYYY-MM --seed X --out DIR
   * [--folders] [--error-rate R] [--bad-packages]}; defaults: 8 banks, 2,000 participants, 20,000
   * services, seed 1.
   */
  public static SimulationOptions parse(String... args) {
    int banks = 8;
    int participants = 2000;
    int services = 20_000;
    YearMonth period = null;
    long seed = 1;
    Path out = null;
    boolean folders = false;
    double errorRate = 0;
    boolean bad = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      try {
        switch (arg) {
          case "--banks" -> banks = Integer.parseInt(value(args, ++i, arg));
          case "--participants" -> participants = Integer.parseInt(value(args, ++i, arg));
          case "--services" -> services = Integer.parseInt(value(args, ++i, arg));
          case "--period" -> period = YearMonth.parse(value(args, ++i, arg));
          case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
          case "--out" -> out = Path.of(value(args, ++i, arg));
          case "--folders" -> folders = true;
          case "--error-rate" -> errorRate = Double.parseDouble(value(args, ++i, arg));
          case "--bad-packages" -> bad = true;
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException("malformed value for " + arg, e);
      }
    }
    if (period == null || out == null) {
      throw new IllegalArgumentException("--period YYYY-MM and --out DIR are required");
    }
    return new SimulationOptions(
        banks, participants, services, period, seed, out, folders, errorRate, bad);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
