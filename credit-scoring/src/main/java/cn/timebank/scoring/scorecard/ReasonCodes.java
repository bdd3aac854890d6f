package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reason codes by the PMML 4.4 scorecard rule ({@code reasonCodeAlgorithm="pointsBelow"}): for each
 * characteristic, baseline minus partial score; summed per reason code; only sums above zero are
 * kept; ranked by the sum, highest first. Ties keep the order in which the reason code first
 * appears among the characteristics (PMML: the order of the characteristics). The top {@link #TOP}
 * are returned.
 */
public final class ReasonCodes {

  /** How many reasons a score gives. */
  public static final int TOP = 4;

  private ReasonCodes() {}

  public static List<Reason> rank(List<PartialScore> parts, Map<String, ReasonText> texts) {
    return rank(parts, texts, TOP);
  }

  public static List<Reason> rank(
      List<PartialScore> parts, Map<String, ReasonText> texts, int top) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (PartialScore part : parts) {
      sums.merge(part.reasonCode(), part.pointsBelowBaseline(), BigDecimal::add);
    }
    List<Map.Entry<String, BigDecimal>> kept = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
      if (sum.getValue().signum() > 0) {
        kept.add(sum);
      }
    }
    // List.sort is stable: equal sums keep their first-appearance order.
    kept.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()));
    List<Reason> reasons = new ArrayList<>();
    for (int i = 0; i < kept.size() && i < top; i++) {
      String code = kept.get(i).getKey();
      ReasonText text = texts.get(code);
      if (text == null) {
        throw new IllegalArgumentException("reason code " + code + " has no text");
      }
      reasons.add(new Reason(i + 1, text, kept.get(i).getValue()));
    }
    return List.copyOf(reasons);
  }
}
