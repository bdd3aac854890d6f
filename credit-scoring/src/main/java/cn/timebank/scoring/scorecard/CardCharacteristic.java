package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A characteristic as a scorecard uses it: its bins with their points, the points when the value is
 * missing, the baseline the reason codes compare with, and its reason code.
 *
 * @param name the characteristic's name, e.g. {@code credited_hours} (defined in package {@code
 *     characteristic})
 * @param numeric whether the bins are numeric ranges (else categories)
 */
public record CardCharacteristic(
    String name,
    String reasonCode,
    BigDecimal baseline,
    BigDecimal missingPoints,
    boolean numeric,
    List<Bin> bins) {

  public CardCharacteristic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(missingPoints, "missingPoints");
    bins = List.copyOf(bins);
  }

  /** The partial score of {@code value}. */
  public PartialScore score(CharacteristicValue value) {
    if (value instanceof CharacteristicValue.Numeric n) {
      if (!numeric) {
        throw new IllegalArgumentException(name + " takes categories, not the number " + n);
      }
      for (Bin bin : bins) {
        if (((Bin.Range) bin).contains(n.number())) {
          return part(value, bin);
        }
      }
      throw new IllegalStateException(name + ": no bin holds " + n.number());
    }
    if (value instanceof CharacteristicValue.Category c) {
      if (numeric) {
        throw new IllegalArgumentException(name + " takes numbers, not the category " + c);
      }
      for (Bin bin : bins) {
        if (((Bin.Categories) bin).values().contains(c.category())) {
          return part(value, bin);
        }
      }
      throw new IllegalArgumentException(name + ": no bin lists the category " + c.category());
    }
    return new PartialScore(name, value, "missing", missingPoints, baseline, reasonCode);
  }

  private PartialScore part(CharacteristicValue value, Bin bin) {
    return new PartialScore(name, value, bin.label(), bin.points(), baseline, reasonCode);
  }
}
