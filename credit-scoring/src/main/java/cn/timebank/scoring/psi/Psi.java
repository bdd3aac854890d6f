package cn.timebank.scoring.psi;

/**
 * The population stability index over ten equal bins of the score scale 300–900 ({@code [300,
 * 360)}, …, {@code [840, 900]}): {@code PSI = Σ (A − E) × ln(A / E)}, where E and A are the shares
 * of the expected (earlier) and actual (later) scores in each bin, and an empty bin's share counts
 * as {@value #EMPTY_SHARE}.
 */
public final class Psi {

  public static final int BINS = 10;
  public static final int SCALE_MIN = 300;
  public static final int SCALE_MAX = 900;
  public static final double EMPTY_SHARE = 0.0001;

  private Psi() {}

  /** The bin of a score: 0 for 300–359, …, 9 for 840–900; scores off the scale go to the ends. */
  public static int bin(int score) {
    int width = (SCALE_MAX - SCALE_MIN) / BINS;
    return Math.max(0, Math.min(BINS - 1, (score - SCALE_MIN) / width));
  }

  /** Counts per bin of some scores. */
  public static long[] counts(int... scores) {
    long[] counts = new long[BINS];
    for (int score : scores) {
      counts[bin(score)]++;
    }
    return counts;
  }

  /** The PSI between two distributions given as counts per bin; both must hold a score. */
  public static double index(long[] expected, long[] actual) {
    if (expected.length != BINS || actual.length != BINS) {
      throw new IllegalArgumentException("counts of " + BINS + " bins expected");
    }
    long e = sum(expected);
    long a = sum(actual);
    if (e == 0 || a == 0) {
      throw new IllegalArgumentException("both distributions need at least one score");
    }
    double psi = 0;
    for (int i = 0; i < BINS; i++) {
      double ei = share(expected[i], e);
      double ai = share(actual[i], a);
      psi += (ai - ei) * Math.log(ai / ei);
    }
    return psi;
  }

  private static double share(long count, long total) {
    return count == 0 ? EMPTY_SHARE : (double) count / total;
  }

  static long sum(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
