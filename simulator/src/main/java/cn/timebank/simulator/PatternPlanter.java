package cn.timebank.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Plants the fraud patterns of one bank among its special services: RECIPROCAL, CYCLE,
 * PERFECT_RATINGS, LONG_RECORDING_LAG, DAILY_CAP_REPEAT (W201), OVERLAP (W204) and, from the first
 * bank into the second, CROSS_BANK_OVERLAP (W204).
 */
final class PatternPlanter {

  private final BankRun run;
  private final ProviderPools pools;
  private final ServiceFactory factory;

  PatternPlanter(BankRun run, ProviderPools pools, ServiceFactory factory) {
    this.run = run;
    this.pools = pools;
    this.factory = factory;
  }

  void plantAll() {
    BankBook book = run.book;
    List<Integer> both = new ArrayList<>();
    List<Integer> plainProviders = new ArrayList<>();
    for (int ref : pools.providerRefs()) {
      Person p = book.member(ref);
      if (p.roles == Person.BOTH) {
        both.add(ref);
      } else if (!p.isCrossBank()) {
        plainProviders.add(ref);
      }
    }
    if (both.size() >= 2) {
      reciprocal(both.get(0), both.get(1));
    }
    if (both.size() >= 5) {
      cycle(both.get(2), both.get(3), both.get(4));
    }
    int used = 0;
    Integer capProvider = null;
    Integer overlapProvider = null;
    for (int ref : plainProviders) {
      Person p = book.member(ref);
      if (used == 0) {
        p.perfectRatings = true;
        perfectRatings(
            ref,
            plant(
                "PERFECT_RATINGS",
                ref,
                "every service of this provider is rated 5, at least 10 of them",
                List.of()));
      } else if (used == 1) {
        p.longLag = true;
        plant(
            "LONG_RECORDING_LAG",
            ref,
            "services recorded 15-28 days after they ended (under the 30 days of W205)",
            List.of());
      } else if (capProvider == null && free(p, 12, 19, 26)) {
        capProvider = ref;
      } else if (overlapProvider == null && free(p, 9)) {
        overlapProvider = ref;
        break;
      }
      used++;
    }
    if (capProvider != null) {
      dailyCapRepeat(capProvider);
    }
    if (overlapProvider != null) {
      overlap(overlapProvider);
    }
    if (run.index == 0 && run.world.books.size() > 1) {
      new CrossBankOverlap(run, pools, factory).plant();
    }
  }

  private Patterns.Planted plant(String type, int ref, String description, List<String> codes) {
    return run.patterns.plant(
        type, run.bank.code(), List.of(BankBook.ref(ref)), description, codes);
  }

  private void reciprocal(int a, int c) {
    Patterns.Planted planted =
        run.patterns.plant(
            "RECIPROCAL",
            run.bank.code(),
            List.of(BankBook.ref(a), BankBook.ref(c)),
            "two participants serve each other with similar hours (reciprocal inflation)",
            List.of());
    for (int k = 0; k < 8 && 2 + 3 * k < run.days; k++) {
      boolean forward = k % 2 == 0;
      PlantedServices.placed(
          run,
          factory,
          planted,
          forward ? a : c,
          forward ? c : a,
          2 + 3 * k,
          Catalogue.EMOTIONAL_SUPPORT,
          10 * 60,
          90 + 5 * run.random.nextInt(7));
    }
  }

  /**
   * Ten or more services, all rated 5: an ordinary provider has only a few services a month, and
   * two or three ratings of 5 are what most ordinary providers get (about 64 % of ratings are 5),
   * so without enough of them the pattern would be no signal at all. With 10, an ordinary provider
   * rated 5 every time has a chance of about 1 %; credit scoring's A306 asks for 10.
   */
  private void perfectRatings(int provider, Patterns.Planted planted) {
    for (int k = 0; k < 12 && 1 + 2 * k <= run.days; k++) {
      PlantedServices.placed(
          run,
          factory,
          planted,
          provider,
          run.pickRecipient(run.book, provider),
          1 + 2 * k,
          Catalogue.LIVING_ASSIST,
          9 * 60,
          60);
    }
  }

  private void cycle(int x, int y, int z) {
    Patterns.Planted planted =
        run.patterns.plant(
            "CYCLE",
            run.bank.code(),
            List.of(BankBook.ref(x), BankBook.ref(y), BankBook.ref(z)),
            "services A->B, B->C, C->A within 30 days",
            List.of());
    PlantedServices.placed(run, factory, planted, x, y, 4, Catalogue.LIVING_ASSIST, 14 * 60, 120);
    PlantedServices.placed(run, factory, planted, y, z, 11, Catalogue.LIVING_ASSIST, 14 * 60, 120);
    PlantedServices.placed(run, factory, planted, z, x, 18, Catalogue.LIVING_ASSIST, 14 * 60, 120);
  }

  private void dailyCapRepeat(int provider) {
    Person p = run.book.member(provider);
    Patterns.Planted planted =
        plant(
            "DAILY_CAP_REPEAT",
            provider,
            "three 180-minute services on each of three days: the third goes over 480 weighted minutes",
            List.of("W201"));
    for (int day : new int[] {12, 19, 26}) {
      run.world.planner.lock(p.providerSlot, day);
      locked(planted, provider, day, Catalogue.LIVING_ASSIST, 8 * 60, 180, null);
      locked(planted, provider, day, Catalogue.LIVING_ASSIST, 12 * 60, 180, null);
      locked(
          planted,
          provider,
          day,
          Catalogue.LIVING_ASSIST,
          15 * 60 + 30,
          180,
          Fault.pattern(
              "W201",
              "start",
              "DAILY_CAP_REPEAT",
              "third 180-minute service of the day: over the daily cap"));
    }
  }

  private void overlap(int provider) {
    Person p = run.book.member(provider);
    run.world.planner.lock(p.providerSlot, 9);
    Patterns.Planted planted =
        plant("OVERLAP", provider, "one provider, two services at the same time", List.of("W204"));
    ServiceRow earlier = locked(planted, provider, 9, Catalogue.LIVING_ASSIST, 9 * 60, 120, null);
    ServiceRow later =
        locked(
            planted,
            provider,
            9,
            Catalogue.EMOTIONAL_SUPPORT,
            10 * 60,
            90,
            Fault.pattern(
                "W204", "start", "OVERLAP", "starts 10:00 while the 09:00-11:00 service runs"));
    PlantedServices.requireTimed(earlier, later);
  }

  private ServiceRow locked(
      Patterns.Planted planted,
      int provider,
      int day,
      String cat,
      int startMinute,
      int actual,
      Fault fault) {
    return PlantedServices.locked(
        run, factory, planted, provider, day, cat, startMinute, actual, fault);
  }

  private boolean free(Person p, int... daysOfMonth) {
    return PlantedServices.free(run, p, daysOfMonth);
  }
}
