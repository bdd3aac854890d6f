package cn.timebank.simulator;

/**
 * Every provider's days of the period, across banks (one slot per person): weighted minutes used
 * (counted with the holiday factor, an upper bound) and the first free minute. Ordinary services
 * never overlap and stay under {@link #BUDGET} weighted minutes a day, far below the daily cap of
 * 480, so they never produce W201 or W204. Days reserved for a planted pattern are locked.
 */
final class DayPlanner {

  /** Ordinary day services start at 07:00 at the earliest. */
  static final int DAY_START = 7 * 60;

  /** Ordinary day services end by 21:30; night services start at 22:00 or later. */
  static final int DAY_END = 21 * 60 + 30;

  /** Weighted minutes an ordinary provider may use a day (upper bound, daily cap is 480). */
  static final int BUDGET = 360;

  private static final byte NIGHT_USED = 1;
  private static final byte LOCKED = 2;

  private final int days;
  private final short[] used;
  private final short[] nextFree;
  private final byte[] flags;

  DayPlanner(int slots, int days) {
    this.days = days;
    this.used = new short[Math.max(1, slots * days)];
    this.nextFree = new short[used.length];
    this.flags = new byte[used.length];
    java.util.Arrays.fill(nextFree, (short) DAY_START);
  }

  /**
   * Places a day service at {@code preferredStart} or the first free minute after it (on a 5-minute
   * grid); returns the start minute, or -1 when the day has no room.
   */
  int placeDay(int slot, int day, int preferredStart, int length, int weightedUpper, int gap) {
    int i = slot * days + (day - 1);
    if ((flags[i] & LOCKED) != 0 || used[i] + weightedUpper > BUDGET) {
      return -1;
    }
    int start = Math.max(preferredStart, nextFree[i]);
    start = (start + 4) / 5 * 5;
    if (start + length > DAY_END) {
      return -1;
    }
    used[i] += (short) weightedUpper;
    nextFree[i] = (short) Math.min(DAY_END, start + length + gap);
    return start;
  }

  /** Places a night service (starting 22:00-23:00); at most one a day, never on the last day. */
  boolean placeNight(int slot, int day, int weightedUpper) {
    int i = slot * days + (day - 1);
    if (day >= days || (flags[i] & (LOCKED | NIGHT_USED)) != 0) {
      return false;
    }
    if (used[i] + weightedUpper > BUDGET) {
      return false;
    }
    used[i] += (short) weightedUpper;
    flags[i] |= NIGHT_USED;
    return true;
  }

  /** True when nothing has been placed on the day and it is not locked. */
  boolean isFree(int slot, int day) {
    int i = slot * days + (day - 1);
    return flags[i] == 0 && used[i] == 0;
  }

  /** Reserves the whole day for a planted pattern: no ordinary service will be placed on it. */
  void lock(int slot, int day) {
    flags[slot * days + (day - 1)] |= LOCKED;
  }
}
