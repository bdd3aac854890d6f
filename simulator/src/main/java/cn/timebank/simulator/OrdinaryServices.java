package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.eligibility.Eligibility;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Draws the ordinary services of one bank: a provider with room on the day, a category the provider
 * is qualified for, a duration, a start that overlaps nothing of the provider's, and the funding.
 * Ordinary services get no result code at all.
 */
final class OrdinaryServices {

  private final BankRun run;
  private final ProviderPools pools;
  private final ServiceFactory factory;
  private int poolBudget;

  OrdinaryServices(BankRun run, ProviderPools pools, ServiceFactory factory, int poolBudget) {
    this.run = run;
    this.pools = pools;
    this.factory = factory;
    this.poolBudget = poolBudget;
  }

  /** An ordinary service on {@code day}: no code at all. */
  ServiceRow on(int day) {
    int[] providerRefs = pools.providerRefs();
    int[] recipientRefs = pools.recipientRefs();
    DayPlanner planner = run.world.planner;
    for (int tries = 0; tries < 200; tries++) {
      int providerRef = providerRefs[run.random.nextInt(providerRefs.length)];
      Person provider = run.book.member(providerRef);
      Category cat = category(provider);
      CategoryHabits.Habit habit = CategoryHabits.of(cat.code());
      boolean night = run.random.nextDouble() < 0.03 && habit.night();
      int actual =
          habit.minActual()
              + 5 * run.random.nextInt((habit.maxActual() - habit.minActual()) / 5 + 1);
      int recipientRef = recipientRefs[run.random.nextInt(recipientRefs.length)];
      if (recipientRef == providerRef) {
        continue;
      }
      LocalDate date = run.period.atDay(day);
      ServiceRow row =
          factory.build(
              run.bank,
              provider,
              providerRef,
              recipientRef,
              cat,
              date.atStartOfDay(),
              actual,
              false);
      int wUpper = factory.weightedUpper(row);
      int length = factory.occupied(row, actual);
      LocalDateTime start;
      if (night) {
        if (!planner.placeNight(provider.providerSlot, day, wUpper)) {
          continue;
        }
        start = date.atStartOfDay().plusMinutes(22 * 60 + 5 * run.random.nextInt(13));
      } else {
        int preferred =
            cat.code().equals(Catalogue.MEDICAL_ESCORT)
                ? 7 * 60 + 30 + 5 * run.random.nextInt(43)
                : DayPlanner.DAY_START + 5 * run.random.nextInt(145);
        int minute =
            planner.placeDay(
                provider.providerSlot,
                day,
                preferred,
                length,
                wUpper,
                15 + 5 * run.random.nextInt(7));
        if (minute < 0) {
          continue;
        }
        start = date.atTime(minute / 60, minute % 60);
      }
      factory.retime(row, start, actual);
      fund(row, day, wUpper);
      return row;
    }
    throw new IllegalStateException(
        "bank "
            + run.bank.code()
            + ": no provider has room on day "
            + day
            + ": raise --participants");
  }

  /**
   * A category drawn by its frequency among the catalogue's categories the provider is qualified
   * for (R116 of the standard); {@code LIVING_ASSIST} after 20 draws without one.
   */
  private Category category(Person provider) {
    List<Category> categories = run.world.catalogue.categories();
    int total = 0;
    for (Category c : categories) {
      total += CategoryHabits.of(c.code()).frequency();
    }
    for (int tries = 0; ; tries++) {
      int pick = run.random.nextInt(total);
      Category cat = categories.get(0);
      for (Category c : categories) {
        pick -= CategoryHabits.of(c.code()).frequency();
        if (pick < 0) {
          cat = c;
          break;
        }
      }
      if (Eligibility.qualification(cat, provider.certificates()).isEmpty()) {
        return cat;
      }
      if (tries > 20) {
        return run.category(Catalogue.LIVING_ASSIST);
      }
    }
  }

  /**
   * Funding, status, rating: BALANCE only for recipients of 60+ whose opening balance covers it.
   */
  private void fund(ServiceRow row, int day, int wUpper) {
    double f = run.random.nextDouble();
    boolean old = row.recipient.ageOn(run.world.periodStart) >= 60;
    if (f < 0.08 && old && run.book.spend(row.recipient.refIn(run.index), wUpper)) {
      row.funding = "BALANCE";
    } else if (f < 0.15 && day >= 3 && poolBudget >= wUpper) {
      poolBudget -= wUpper;
      row.funding = "POOL";
    } else {
      row.funding = "ISSUED";
      double s = run.random.nextDouble();
      row.status =
          s < 0.92
              ? "COMPLETED"
              : s < 0.95
                  ? "CANCELLED"
                  : s < 0.965 ? "NO_SHOW_PROVIDER" : s < 0.98 ? "NO_SHOW_RECIPIENT" : "DISPUTED";
    }
    if (!row.status.equals("COMPLETED")) {
      row.rating =
          row.status.equals("DISPUTED") ? Integer.valueOf(1 + run.random.nextInt(2)) : null;
    }
  }
}
