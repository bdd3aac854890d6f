package cn.timebank.simulator;

import java.util.List;

/**
 * One person serves in the first and the second bank at overlapping times (CROSS_BANK_OVERLAP):
 * W204 on the later service, which is handed to the second bank's generator.
 */
final class CrossBankOverlap {

  private static final int DAY = 14;

  private final BankRun run;
  private final ProviderPools pools;
  private final ServiceFactory factory;

  CrossBankOverlap(BankRun run, ProviderPools pools, ServiceFactory factory) {
    this.run = run;
    this.pools = pools;
    this.factory = factory;
  }

  void plant() {
    String code = run.bank.code();
    for (int ref : pools.providerRefs()) {
      Person p = run.book.member(ref);
      if (p.bank2 != 1 || !PlantedServices.free(run, p, DAY)) {
        continue;
      }
      BankBook other = run.world.books.get(1);
      int otherRef = p.ref2;
      run.world.planner.lock(p.providerSlot, DAY);
      Patterns.Planted planted =
          run.patterns.plant(
              "CROSS_BANK_OVERLAP",
              code + "," + other.profile.code(),
              List.of(
                  code + "/" + BankBook.ref(ref),
                  other.profile.code() + "/" + BankBook.ref(otherRef)),
              "the same person (same resident ID) serves in two banks at overlapping times",
              List.of("W204"));
      ServiceRow first =
          PlantedServices.locked(
              run, factory, planted, ref, DAY, Catalogue.LIVING_ASSIST, 14 * 60, 120, null);
      ServiceRow second =
          factory.build(
              other.profile,
              p,
              otherRef,
              run.pickRecipient(other, otherRef),
              run.category(Catalogue.LIVING_ASSIST),
              run.world.period.atDay(DAY).atTime(15, 0),
              90,
              true);
      second.pattern = planted;
      second.fault =
          Fault.pattern(
              "W204",
              "start",
              "CROSS_BANK_OVERLAP",
              "starts 15:00 while the same person serves 14:00-16:00 in " + code);
      PlantedServices.requireTimed(first, second);
      run.world.deferred.get(1).add(second);
      return;
    }
  }
}
