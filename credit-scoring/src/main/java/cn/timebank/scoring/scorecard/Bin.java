package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One bin of a characteristic and the points it gives (PMML {@code Attribute}). */
public sealed interface Bin {

  BigDecimal points();

  /**
   * How the bin is shown: {@code [10, 50)}, {@code < 10}, {@code >= 150}, {@code NONE|OCCASIONAL}.
   */
  String label();

  /**
   * A numeric range {@code [from, below)}; a missing bound is open. The loader makes the bins of a
   * characteristic cover every number exactly once.
   */
  record Range(@Nullable BigDecimal from, @Nullable BigDecimal below, BigDecimal points)
      implements Bin {

    public Range {
      Objects.requireNonNull(points, "points");
      if (from != null && below != null && from.compareTo(below) >= 0) {
        throw new IllegalArgumentException("from " + from + " is not below " + below);
      }
    }

    public boolean contains(BigDecimal value) {
      return (from == null || value.compareTo(from) >= 0)
          && (below == null || value.compareTo(below) < 0);
    }

    @Override
    public String label() {
      if (from == null && below == null) {
        return "any";
      }
      if (from == null) {
        return "< " + below.toPlainString();
      }
      if (below == null) {
        return ">= " + from.toPlainString();
      }
      return "[" + from.toPlainString() + ", " + below.toPlainString() + ")";
    }
  }

  /** A set of categories. */
  record Categories(List<String> values, BigDecimal points) implements Bin {

    public Categories {
      values = List.copyOf(values);
      Objects.requireNonNull(points, "points");
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a category bin needs at least one value");
      }
    }

    @Override
    public String label() {
      return String.join("|", values);
    }
  }
}
