package cn.timebank.ingestion.rules;

import cn.timebank.standards.minutes.StandardMinutes;
import java.util.SortedMap;

/**
 * The one computation behind {@link LedgerState#available}, whichever state holds the lines: the
 * most that may be taken from an account at a position in time order (§3.8) without its balance
 * falling below zero there or at any later point.
 */
public final class Available {

  private Available() {}

  /**
   * @param amountsByPosition the account's amounts summed per position (the lines of one position
   *     belong to one record — its posting, adjustments, reversals — and count together, so a
   *     record reversed and posted again never shows a dip in between)
   * @return the minimum, over {@code at} and every later position, of the running balance
   */
  public static StandardMinutes at(
      SortedMap<RecordPosition, Long> amountsByPosition, RecordPosition at) {
    long before = amountsByPosition.headMap(at).values().stream().mapToLong(Long::longValue).sum();
    return lowest(before, amountsByPosition.tailMap(at).values());
  }

  /**
   * @param before the account's balance just before the position
   * @param fromThere the amounts of the position and of every later one, in time order
   * @return the minimum running balance from the position on
   */
  public static StandardMinutes lowest(long before, Iterable<Long> fromThere) {
    long running = before;
    long lowest = running;
    for (long amount : fromThere) {
      running += amount;
      lowest = Math.min(lowest, running);
    }
    return StandardMinutes.of(lowest);
  }
}
