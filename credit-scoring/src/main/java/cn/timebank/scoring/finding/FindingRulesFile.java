package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.VersionIndex;
import cn.timebank.standards.data.StrictNode;
import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the findings rules: every key required, unknown keys refused, errors naming the file and
 * the path ({@code findings-2026.1.yaml: $.A303.min_share: must be at most 1 (was 1.5)}).
 */
public final class FindingRulesFile {

  public static final String BUILT_IN_INDEX = "findings/index.yaml";

  private final List<FindingRules> versions;

  private FindingRulesFile(List<FindingRules> versions) {
    this.versions = versions;
  }

  public static FindingRulesFile builtIn() {
    return BuiltIn.RULES;
  }

  public static FindingRulesFile load(String indexResource) {
    return new FindingRulesFile(VersionIndex.load(indexResource, FindingRulesFile::read));
  }

  /** The rules in force on the period's last day. */
  public FindingRules inForce(Period period) {
    return VersionIndex.inForceOn(versions, period.lastDay(), "findings rules version");
  }

  public List<FindingRules> all() {
    return versions;
  }

  static FindingRules read(StrictNode root) {
    String version = root.get("version").asText();
    var effectiveFrom = root.get("effective_from").asDate();
    FindingRules.Overlap a301 = overlap(root.get("A301"));
    StrictNode a302Node = root.get("A302");
    var a302 = new FindingRules.CapHits(a302Node.get("min_cap_days").asPositiveInt());
    a302Node.noOtherKeys();
    StrictNode n = root.get("A303");
    var a303 =
        new FindingRules.Reciprocal(
            n.get("window_days").asPositiveInt(),
            n.get("min_services_each_way").asPositiveInt(),
            share(n.get("max_difference")),
            share(n.get("min_share")));
    n.noOtherKeys();
    StrictNode a304Node = root.get("A304");
    var a304 = new FindingRules.Cycles(a304Node.get("window_days").asPositiveInt());
    a304Node.noOtherKeys();
    StrictNode a305Node = root.get("A305");
    StrictNode lagNode = a305Node.get("max_lag_days");
    int lag = lagNode.asPositiveInt();
    if (lag > 99) {
      throw lagNode.error("must be at most 99 days (was " + lag + ")");
    }
    var a305 = new FindingRules.Lag(lag, a305Node.get("min_services").asPositiveInt());
    a305Node.noOtherKeys();
    StrictNode a306Node = root.get("A306");
    var a306 =
        new FindingRules.PerfectRatings(
            a306Node.get("window_days").asPositiveInt(),
            a306Node.get("min_ratings").asPositiveInt());
    a306Node.noOtherKeys();
    FindingRules.Overlap a307 = overlap(root.get("A307"));
    root.noOtherKeys();
    return new FindingRules(version, effectiveFrom, a301, a302, a303, a304, a305, a306, a307);
  }

  private static FindingRules.Overlap overlap(StrictNode node) {
    var overlap = new FindingRules.Overlap(node.get("min_overlap_minutes").asPositiveInt());
    node.noOtherKeys();
    return overlap;
  }

  private static BigDecimal share(StrictNode node) {
    BigDecimal value = node.asNonNegativeDecimal();
    if (value.compareTo(BigDecimal.ONE) > 0) {
      throw node.error("must be at most 1 (was " + value.toPlainString() + ")");
    }
    return value;
  }

  private static final class BuiltIn {
    static final FindingRulesFile RULES = load(BUILT_IN_INDEX);
  }
}
