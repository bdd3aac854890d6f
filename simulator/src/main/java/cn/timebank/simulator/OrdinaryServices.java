package cn.timebank.simulator;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Draws the ordinary services of one bank: a provider with room on the day, a category the provider
 * is qualified for, a duration, a start that overlaps nothing of the provider's, and the funding.
 * Ordinary services get no result code at all.
 */
final class OrdinaryServices {

  private static final Catalogue[] NIGHT_CATEGORIES = {
    Catalogue.SAFETY_VISIT,
    Catalogue.EMOTIONAL_SUPPORT,
    Catalogue.LIVING_ASSIST,
    Catalogue.PERSONAL_CARE,
    Catalogue.SKILLED_NURSING
  };

  /** Relative frequency of the categories in ordinary services. */
  private static final int[] CATEGORY_WEIGHTS = {30, 8, 10, 14, 12, 10, 5, 4, 5, 2};

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
      Catalogue cat = category(provider);
      boolean night = run.random.nextDouble() < 0.03 && isNightCategory(cat);
      int actual =
          cat.minActual() + 5 * run.random.nextInt((cat.maxActual() - cat.minActual()) / 5 + 1);
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
            cat == Catalogue.MEDICAL_ESCORT
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

  private static boolean isNightCategory(Catalogue cat) {
    for (Catalogue c : NIGHT_CATEGORIES) {
      if (c == cat) {
        return true;
      }
    }
    return false;
  }

  private Catalogue category(Person provider) {
    for (int tries = 0; ; tries++) {
      int total = 0;
      for (int w : CATEGORY_WEIGHTS) {
        total += w;
      }
      int pick = run.random.nextInt(total);
      Catalogue cat = Catalogue.values()[0];
      for (Catalogue c : Catalogue.values()) {
        pick -= CATEGORY_WEIGHTS[c.ordinal()];
        if (pick < 0) {
          cat = c;
          break;
        }
      }
      boolean qualified =
          cat.certificate().isEmpty()
              || (cat == Catalogue.PERSONAL_CARE && provider.has(Person.CARE_BASIC))
              || (cat == Catalogue.SKILLED_NURSING && provider.has(Person.NURSING_LICENSE));
      if (qualified) {
        return cat;
      }
      if (tries > 20) {
        return Catalogue.LIVING_ASSIST;
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
