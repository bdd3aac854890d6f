package cn.timebank.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The small-cell rule of the reports on people: a count from 1 to {@code threshold − 1} (default
 * 1–4) is never printed; the cell shows {@code "<5"} (the threshold) instead, in every format.
 *
 * <p>Against differencing — a total printed beside all of its parts but one gives the hidden one
 * away — {@link #protect} works on a group of parts that sum to a printed total: when exactly one
 * part is hidden, the smallest other non-zero part is hidden too (secondary suppression), so that
 * at least two unknowns share the difference. That second cell shows {@link #SECONDARY} ({@code
 * —}), not {@code <5}: it is not small, only withheld. A report that cannot arrange its cells as
 * such groups does not print the total.
 */
public final class SmallCells {

  /** The threshold when none is configured: counts below 5 are hidden. */
  public static final int DEFAULT_THRESHOLD = 5;

  /** What a cell hidden only to protect another one shows. */
  public static final String SECONDARY = "—";

  private final int threshold;

  public SmallCells(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("small-cell threshold must be at least 1: " + threshold);
    }
    this.threshold = threshold;
  }

  /** What a hidden cell shows, {@code <5}. */
  public String hiddenText() {
    return "<" + threshold;
  }

  /** True when the count is small: at least 1 and under the threshold. */
  public boolean small(long count) {
    return count > 0 && count < threshold;
  }

  /**
   * Which parts of a group are hidden, in order: the small ones, and when exactly one part is
   * hidden, also the smallest other non-zero part.
   *
   * @param parts counts that sum to a total printed with them
   */
  public List<Boolean> protect(List<Long> parts) {
    List<Boolean> hidden = new ArrayList<>(parts.stream().map(this::small).toList());
    if (hidden.stream().filter(h -> h).count() == 1) {
      IntStream.range(0, parts.size())
          .filter(i -> !hidden.get(i) && parts.get(i) > 0)
          .boxed()
          .min(Comparator.comparingLong(parts::get))
          .ifPresent(i -> hidden.set(i, true));
    }
    return hidden;
  }

  /**
   * A count as a report cell: the number; when hidden, {@link #hiddenText()} for a small count and
   * {@link #SECONDARY} for one hidden to protect another. A zero is always printed: it gives
   * nothing away that the hidden cells beside it do not already keep.
   */
  public Object cell(long count, boolean hidden) {
    if (!hidden || count == 0) {
      return count;
    }
    return small(count) ? hiddenText() : SECONDARY;
  }

  /** A count on its own (no group): the number, or {@link #hiddenText()} when it is small. */
  public Object cell(long count) {
    return cell(count, small(count));
  }
}
