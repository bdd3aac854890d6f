package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What every step of writing one bank shares: the world, the bank, the options, the truth file and
 * the planted patterns, the bank's own random (drawn from in a fixed order, so that the output is
 * deterministic) and the special services planned for each day of the period.
 */
final class BankRun {

  final World world;
  final int index;
  final BankBook book;
  final BankProfile bank;
  final SimulationOptions options;
  final Truth truth;
  final Patterns patterns;
  final SplittableRandom random;
  final YearMonth period;
  final int days;
  final LocalDateTime generatedAt;

  /** The period as refs carry it: {@code 2609}. */
  final String yymm;

  /** Planted services by day (index day - 1); index {@code days}: written after the month. */
  final List<List<ServiceRow>> specials = new ArrayList<>();

  BankRun(World world, int index, SimulationOptions options, Truth truth, Patterns patterns) {
    this.world = world;
    this.index = index;
    this.book = world.books.get(index);
    this.bank = book.profile;
    this.options = options;
    this.truth = truth;
    this.patterns = patterns;
    this.random = new SplittableRandom(options.seed() * 1_000_003L + 7919L * (index + 1));
    this.period = options.period();
    this.days = period.lengthOfMonth();
    this.generatedAt = TimestampText.generatedAt(period);
    this.yymm = TimestampText.shortPeriod(period);
    for (int d = 0; d <= days; d++) {
      specials.add(new ArrayList<>());
    }
    specials.get(days).addAll(world.deferred.get(index));
  }

  /** The category of a unified code in the period's catalogue. */
  Category category(String code) {
    return world.catalogue.category(code);
  }

  boolean ordinaryActive(int ref) {
    Person p = book.member(ref);
    return p.isOrdinary() && p.isActive();
  }

  /** An ordinary active participant not near the cap (and, if asked, not in a second bank). */
  int anyOrdinary(boolean singleBank) {
    for (int tries = 0; tries < 10_000; tries++) {
      int ref = 1 + random.nextInt(book.members.size());
      Person p = book.member(ref);
      if (ordinaryActive(ref) && !p.nearCap && !(singleBank && p.isCrossBank())) {
        return ref;
      }
    }
    throw new IllegalStateException("no ordinary participant in " + bank.code());
  }

  /** An ordinary active recipient of {@code target} other than {@code notRef}. */
  int pickRecipient(BankBook target, int notRef) {
    for (int tries = 0; tries < 1000; tries++) {
      int ref = 1 + random.nextInt(target.members.size());
      Person p = target.member(ref);
      if (ref != notRef && p.isOrdinary() && p.isActive() && p.isRecipient()) {
        return ref;
      }
    }
    throw new IllegalStateException("no recipient in " + target.profile.code());
  }
}
