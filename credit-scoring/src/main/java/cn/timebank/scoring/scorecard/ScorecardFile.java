package cn.timebank.scoring.scorecard;

import cn.timebank.standards.data.StrictNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one scorecard file. Every key is required unless said otherwise, unknown keys are refused,
 * and each error names the file, the path and the problem, e.g. {@code provider-2026.1.yaml:
 * $.characteristics[2].bins[1].from: must equal the previous bin's 'below' 0.8 (was 0.85)}.
 *
 * <p>Checks: numeric bins run upwards without gap or overlap from an open start (no {@code from})
 * to an open end (no {@code below}); category bins list each category once; a characteristic's bins
 * are all of one kind; names are unique; each reason code used is defined, each defined one used;
 * grades run from the highest minimum down to one at or below the scale's minimum.
 */
final class ScorecardFile {

  private ScorecardFile() {}

  static Scorecard read(StrictNode root) {
    String version = root.get("version").asText();
    Subject subject = root.get("subject").asEnum(Subject.class);
    var effectiveFrom = root.get("effective_from").asDate();
    String description = root.get("description").asText();
    StrictNode scale = root.get("scale");
    int min = (int) scale.get("min").asNonNegativeLong();
    StrictNode maxNode = scale.get("max");
    int max = (int) maxNode.asNonNegativeLong();
    if (max <= min) {
      throw maxNode.error("must be above min " + min + " (was " + max + ")");
    }
    scale.noOtherKeys();
    BigDecimal initial = root.get("initial_score").asDecimal();
    Map<String, ReasonText> reasons = reasons(root.get("reasons"));
    StrictNode list = root.get("characteristics");
    List<CardCharacteristic> characteristics = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (StrictNode node : list.elements()) {
      CardCharacteristic characteristic = characteristic(node, reasons.keySet());
      if (!names.add(characteristic.name())) {
        throw node.get("name").error("repeats characteristic " + characteristic.name());
      }
      used.add(characteristic.reasonCode());
      characteristics.add(characteristic);
    }
    if (characteristics.isEmpty()) {
      throw list.error("must list at least one characteristic");
    }
    for (String code : reasons.keySet()) {
      if (!used.contains(code)) {
        throw root.get("reasons").get(code).error("no characteristic uses this reason code");
      }
    }
    List<GradeBand> grades = grades(root.get("grades"), min);
    root.noOtherKeys();
    return new Scorecard(
        version,
        subject,
        effectiveFrom,
        description,
        initial,
        min,
        max,
        characteristics,
        reasons,
        grades);
  }

  private static Map<String, ReasonText> reasons(StrictNode node) {
    Map<String, ReasonText> reasons = new LinkedHashMap<>();
    for (Map.Entry<String, StrictNode> entry : node.entries().entrySet()) {
      String code = entry.getKey();
      StrictNode text = entry.getValue();
      if (!code.matches("[A-Z][A-Z0-9_]{1,19}")) {
        throw text.error(
            "a reason code is 2-20 upper-case letters, digits or _ (was " + code + ")");
      }
      reasons.put(code, new ReasonText(code, text.get("zh").asText(), text.get("en").asText()));
      text.noOtherKeys();
    }
    if (reasons.isEmpty()) {
      throw node.error("must define at least one reason code");
    }
    return reasons;
  }

  private static CardCharacteristic characteristic(StrictNode node, Set<String> reasonCodes) {
    StrictNode nameNode = node.get("name");
    String name = nameNode.asText();
    if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
      throw nameNode.error("must be lower-case letters, digits and _ (was '" + name + "')");
    }
    StrictNode reasonNode = node.get("reason_code");
    String reason = reasonNode.asText();
    if (!reasonCodes.contains(reason)) {
      throw reasonNode.error("is not defined under reasons (was '" + reason + "')");
    }
    BigDecimal baseline = node.get("baseline").asDecimal();
    BigDecimal missing = node.get("missing").asDecimal();
    StrictNode binsNode = node.get("bins");
    List<StrictNode> binNodes = binsNode.elements();
    if (binNodes.isEmpty()) {
      throw binsNode.error("must list at least one bin");
    }
    boolean numeric = !binNodes.get(0).has("values");
    List<Bin> bins = numeric ? ranges(binNodes) : categories(binNodes);
    node.noOtherKeys();
    return new CardCharacteristic(name, reason, baseline, missing, numeric, bins);
  }

  private static List<Bin> ranges(List<StrictNode> nodes) {
    List<Bin> bins = new ArrayList<>();
    BigDecimal previousBelow = null;
    for (int i = 0; i < nodes.size(); i++) {
      StrictNode node = nodes.get(i);
      if (node.has("values")) {
        throw node.get("values").error("a characteristic's bins are all ranges or all categories");
      }
      BigDecimal from = node.optional("from").map(StrictNode::asDecimal).orElse(null);
      BigDecimal below = node.optional("below").map(StrictNode::asDecimal).orElse(null);
      BigDecimal points = node.get("points").asDecimal();
      node.noOtherKeys();
      if (i == 0 && from != null) {
        throw node.get("from").error("the first bin must be open below (no 'from')");
      }
      if (i > 0 && from == null) {
        throw node.error("needs 'from' equal to the previous bin's 'below'");
      }
      if (i > 0 && from.compareTo(previousBelow) != 0) {
        throw node.get("from")
            .error(
                "must equal the previous bin's 'below' "
                    + previousBelow.toPlainString()
                    + " (was "
                    + from.toPlainString()
                    + "): bins may have no gap and no overlap");
      }
      if (i < nodes.size() - 1 && below == null) {
        throw node.error("needs 'below': only the last bin is open above");
      }
      if (i == nodes.size() - 1 && below != null) {
        throw node.get("below").error("the last bin must be open above (no 'below')");
      }
      if (from != null && below != null && from.compareTo(below) >= 0) {
        throw node.get("below")
            .error("must be above 'from' " + from.toPlainString() + " (was " + below + ")");
      }
      bins.add(new Bin.Range(from, below, points));
      previousBelow = below;
    }
    return bins;
  }

  private static List<Bin> categories(List<StrictNode> nodes) {
    List<Bin> bins = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StrictNode node : nodes) {
      if (!node.has("values")) {
        throw node.error("a characteristic's bins are all ranges or all categories");
      }
      StrictNode valuesNode = node.get("values");
      List<String> values = valuesNode.list(StrictNode::asText);
      if (values.isEmpty()) {
        throw valuesNode.error("must list at least one category");
      }
      for (String value : values) {
        if (!seen.add(value)) {
          throw valuesNode.error("lists category " + value + " a second time");
        }
      }
      bins.add(new Bin.Categories(values, node.get("points").asDecimal()));
      node.noOtherKeys();
    }
    return bins;
  }

  private static List<GradeBand> grades(StrictNode node, int scaleMin) {
    List<GradeBand> grades = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<StrictNode> nodes = node.elements();
    if (nodes.isEmpty()) {
      throw node.error("must list at least one grade");
    }
    for (StrictNode band : nodes) {
      String grade = band.get("grade").asText();
      StrictNode minNode = band.get("min");
      int min = (int) minNode.asNonNegativeLong();
      band.noOtherKeys();
      if (!seen.add(grade)) {
        throw band.get("grade").error("repeats grade " + grade);
      }
      if (!grades.isEmpty() && min >= grades.get(grades.size() - 1).minScore()) {
        throw minNode.error("grades run from the highest minimum down (was " + min + ")");
      }
      grades.add(new GradeBand(grade, min));
    }
    if (grades.get(grades.size() - 1).minScore() > scaleMin) {
      throw nodes
          .get(nodes.size() - 1)
          .get("min")
          .error("the last grade must take every score down to the scale's minimum " + scaleMin);
    }
    return grades;
  }
}
