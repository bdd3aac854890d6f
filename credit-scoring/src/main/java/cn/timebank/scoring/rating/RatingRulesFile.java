package cn.timebank.scoring.rating;

import cn.timebank.scoring.shared.VersionIndex;
import cn.timebank.standards.data.StrictNode;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the rating rules; errors name the file and the path. Weights must sum to 100. */
public final class RatingRulesFile {

  public static final String BUILT_IN_INDEX = "ratings/index.yaml";

  private final List<RatingRules> versions;

  private RatingRulesFile(List<RatingRules> versions) {
    this.versions = versions;
  }

  public static RatingRulesFile builtIn() {
    return BuiltIn.RULES;
  }

  public static RatingRulesFile load(String indexResource) {
    return new RatingRulesFile(VersionIndex.load(indexResource, RatingRulesFile::read));
  }

  public RatingRules inForce(Period period) {
    return VersionIndex.inForceOn(versions, period.lastDay(), "rating rules version");
  }

  static RatingRules read(StrictNode root) {
    String version = root.get("version").asText();
    var effectiveFrom = root.get("effective_from").asDate();
    StrictNode filesNode = root.get("expected_files");
    List<String> files = filesNode.list(StrictNode::asText);
    if (files.isEmpty() || new HashSet<>(files).size() != files.size()) {
      throw filesNode.error("must list at least one file type, each once");
    }
    StrictNode punctuality = root.get("punctuality");
    int perDay = (int) punctuality.get("per_day_late").asNonNegativeLong();
    punctuality.noOtherKeys();
    StrictNode stability = root.get("stability");
    int perCorrection = (int) stability.get("per_correction").asNonNegativeLong();
    stability.noOtherKeys();
    StrictNode w = root.get("weights");
    var weights =
        new RatingRules.Weights(
            weight(w, "punctuality"),
            weight(w, "completeness"),
            weight(w, "accuracy"),
            weight(w, "stability"),
            weight(w, "plausibility"));
    w.noOtherKeys();
    int sum =
        weights.punctuality()
            + weights.completeness()
            + weights.accuracy()
            + weights.stability()
            + weights.plausibility();
    if (sum != 100) {
      throw w.error("must sum to 100 (was " + sum + ")");
    }
    StrictNode gradesNode = root.get("grades");
    List<RatingRules.Grade> grades = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StrictNode g : gradesNode.elements()) {
      String grade = g.get("grade").asText();
      StrictNode minNode = g.get("min");
      int min = (int) minNode.asNonNegativeLong();
      g.noOtherKeys();
      if (!grade.matches("[A-D]") || !seen.add(grade)) {
        throw g.get("grade").error("must be one of A, B, C, D, each once (was " + grade + ")");
      }
      if (!grades.isEmpty() && min >= grades.get(grades.size() - 1).min()) {
        throw minNode.error("grades run from the highest minimum down (was " + min + ")");
      }
      grades.add(new RatingRules.Grade(grade, min));
    }
    if (grades.isEmpty() || grades.get(grades.size() - 1).min() != 0) {
      throw gradesNode.error("the last grade must start at 0");
    }
    root.noOtherKeys();
    return new RatingRules(version, effectiveFrom, files, perDay, perCorrection, weights, grades);
  }

  private static int weight(StrictNode weights, String key) {
    long value = weights.get(key).asNonNegativeLong();
    if (value > 100) {
      throw weights.get(key).error("must be at most 100 (was " + value + ")");
    }
    return (int) value;
  }

  private static final class BuiltIn {
    static final RatingRulesFile RULES = load(BUILT_IN_INDEX);
  }
}
