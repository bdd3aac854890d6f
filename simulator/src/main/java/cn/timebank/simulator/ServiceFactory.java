package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import java.time.LocalDateTime;

/**
 * Builds service records: the amount the bank's basis asks for, a plausible verification, rating
 * and recording time; and how many weighted minutes and how much time a record may take.
 */
final class ServiceFactory {

  private final BankRun run;

  ServiceFactory(BankRun run) {
    this.run = run;
  }

  /**
   * A service record of {@code actual} minutes from {@code start}, with the amount the bank's basis
   * asks for, a plausible verification, rating and recording time.
   */
  ServiceRow build(
      BankProfile target,
      Person provider,
      int providerRef,
      int recipientRef,
      Category cat,
      LocalDateTime start,
      int actual,
      boolean pattern) {
    BankBook targetBook = run.world.books.get(target.index());
    ServiceRow row = new ServiceRow();
    row.provider = provider;
    row.recipient = targetBook.member(recipientRef);
    row.providerRef = BankBook.ref(providerRef);
    row.recipientRef = BankBook.ref(recipientRef);
    row.category = cat;
    row.localCategory = target.localCode(cat, start.toLocalDate());
    row.start = start;
    row.end = start.plusMinutes(actual);
    switch (target.basis()) {
      case COINS -> row.localAmount = actual / 10;
      case PER_SERVICE -> {
        row.localAmount = Math.max(1, (actual + cat.normMinutes() / 2) / cat.normMinutes());
        if (!pattern && run.random.nextDouble() < 0.3) {
          row.end = null;
        }
      }
      default -> row.localAmount = null;
    }
    double v = run.random.nextDouble();
    row.verification =
        v < 0.5 ? "SIGN_IN_OUT" : v < 0.8 ? "TWO_PARTY" : v < 0.9 ? "SUPERVISOR" : "PAPER";
    double r = run.random.nextDouble();
    if (provider.perfectRatings) {
      row.rating = 5;
    } else {
      row.rating =
          r < 0.1
              ? null
              : r < 0.68
                  ? Integer.valueOf(5)
                  : r < 0.95
                      ? Integer.valueOf(4)
                      : r < 0.985 ? Integer.valueOf(3) : Integer.valueOf(2);
    }
    row.location = target.regionCode();
    retime(row, start, actual);
    return row;
  }

  /** Moves a service to {@code start} and draws its recording time after it ends. */
  void retime(ServiceRow row, LocalDateTime start, int actual) {
    boolean hasEnd = row.end != null;
    row.start = start;
    LocalDateTime ended = start.plusMinutes(actual);
    row.end = hasEnd ? ended : null;
    long lag;
    if (row.provider.longLag) {
      lag = (15 + run.random.nextInt(14)) * 1440L + run.random.nextInt(600);
    } else if (row.verification.equals("PAPER")) {
      lag = 1440L + run.random.nextInt(4 * 1440);
    } else {
      lag = 5 + (long) (run.random.nextDouble() * run.random.nextDouble() * 3 * 1440);
    }
    LocalDateTime recorded = ended.plusMinutes(lag);
    LocalDateTime latest = run.generatedAt.minusHours(1);
    if (recorded.isAfter(latest)) {
      recorded = latest.isAfter(ended) ? latest : ended.plusMinutes(5);
    }
    row.recordedAt = recorded.withSecond(run.random.nextInt(60));
  }

  /** Weighted minutes the service counts at most, whatever its band (the standard's rules). */
  int weightedUpper(ServiceRow row) {
    return (int) minutes(row).weightedUpper();
  }

  /** Minutes the service keeps the provider busy, whichever way a processor reads it. */
  int occupied(ServiceRow row, int actual) {
    return (int) Math.max(actual, minutes(row).billable());
  }

  /** Billable minutes and the weighted upper bound of a service (the standard's rules). */
  Catalogue.Minutes minutes(ServiceRow row) {
    return run.world.catalogue.minutes(run.bank, row.category, row.start, row.end, row.localAmount);
  }
}
