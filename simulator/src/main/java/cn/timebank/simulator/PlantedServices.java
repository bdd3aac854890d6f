package cn.timebank.simulator;

/** Puts the services of a planted pattern on their day, among the bank's special services. */
final class PlantedServices {

  private PlantedServices() {}

  /**
   * A pattern service placed like an ordinary one (at {@code preferred} or the first free minute
   * after it, within the provider's daily budget); left out when the day has no room.
   */
  static void placed(
      BankRun run,
      ServiceFactory factory,
      Patterns.Planted planted,
      int providerRef,
      int recipientRef,
      int day,
      String cat,
      int preferred,
      int actual) {
    Person provider = run.book.member(providerRef);
    ServiceRow row =
        factory.build(
            run.bank,
            provider,
            providerRef,
            recipientRef,
            run.category(cat),
            run.world.period.atDay(day).atStartOfDay(),
            actual,
            true);
    int start =
        run.world.planner.placeDay(
            provider.providerSlot,
            day,
            preferred,
            factory.occupied(row, actual),
            factory.weightedUpper(row),
            30);
    if (start < 0) {
      return;
    }
    factory.retime(row, run.world.period.atDay(day).atTime(start / 60, start % 60), actual);
    row.pattern = planted;
    row.fault = null;
    run.specials.get(day - 1).add(row);
  }

  /** A pattern service at a fixed time of a day locked for the pattern, to a random recipient. */
  static ServiceRow locked(
      BankRun run,
      ServiceFactory factory,
      Patterns.Planted planted,
      int providerRef,
      int day,
      String cat,
      int startMinute,
      int actual,
      Fault fault) {
    Person provider = run.book.member(providerRef);
    ServiceRow row =
        factory.build(
            run.bank,
            provider,
            providerRef,
            run.pickRecipient(run.book, providerRef),
            run.category(cat),
            run.world.period.atDay(day).atTime(startMinute / 60, startMinute % 60),
            actual,
            true);
    row.pattern = planted;
    row.fault = fault;
    run.specials.get(day - 1).add(row);
    return row;
  }

  /**
   * Fails unless both services of a planted overlap (W204) have an end: the standard's {@code
   * Overlaps} gives services without an end (a PER_SERVICE bank may leave it empty) no interval, so
   * a W204 planted on one would be a line of the truth file no processor produces.
   */
  static void requireTimed(ServiceRow earlier, ServiceRow later) {
    if (earlier.end == null || later.end == null) {
      throw new IllegalStateException("a planted W204 needs two services with an end");
    }
  }

  /** True when the provider has nothing planned yet on any of the days (and they exist). */
  static boolean free(BankRun run, Person p, int... daysOfMonth) {
    for (int d : daysOfMonth) {
      if (d > run.days || !run.world.planner.isFree(p.providerSlot, d)) {
        return false;
      }
    }
    return true;
  }
}
