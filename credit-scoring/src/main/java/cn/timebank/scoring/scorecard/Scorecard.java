package cn.timebank.scoring.scorecard;

import cn.timebank.scoring.shared.VersionIndex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a scorecard: its characteristics, the initial score, the scale a score is shown
 * on, the reason texts and the grade bands. {@link #score} adds the initial score and the partial
 * scores, rounds half-up to a whole number and holds it to the scale.
 *
 * @param grades highest first; the last one's minimum is at or below the scale's minimum
 */
public record Scorecard(
    String version,
    Subject subject,
    LocalDate effectiveFrom,
    String description,
    BigDecimal initialScore,
    int scaleMin,
    int scaleMax,
    List<CardCharacteristic> characteristics,
    Map<String, ReasonText> reasons,
    List<GradeBand> grades)
    implements VersionIndex.Versioned {

  public Scorecard {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(subject, "subject");
    characteristics = List.copyOf(characteristics);
    reasons = Map.copyOf(reasons);
    grades = List.copyOf(grades);
  }

  /** The names of the characteristics, in scorecard order. */
  public List<String> characteristicNames() {
    return characteristics.stream().map(CardCharacteristic::name).toList();
  }

  /** Scores one participant; {@code values} must hold a value for every characteristic. */
  public ScoreResult score(Map<String, CharacteristicValue> values) {
    List<PartialScore> parts = new ArrayList<>();
    BigDecimal total = initialScore;
    for (CardCharacteristic characteristic : characteristics) {
      CharacteristicValue value = values.get(characteristic.name());
      if (value == null) {
        throw new IllegalArgumentException(
            version + ": no value for characteristic " + characteristic.name());
      }
      PartialScore part = characteristic.score(value);
      parts.add(part);
      total = total.add(part.points());
    }
    int rounded = total.setScale(0, RoundingMode.HALF_UP).intValueExact();
    int score = Math.max(scaleMin, Math.min(scaleMax, rounded));
    return new ScoreResult(
        version, subject, total, score, grade(score), parts, ReasonCodes.rank(parts, reasons));
  }

  /** The grade of a score: the first band (highest first) whose minimum it reaches. */
  public String grade(int score) {
    for (GradeBand band : grades) {
      if (score >= band.minScore()) {
        return band.grade();
      }
    }
    throw new IllegalStateException(version + ": no grade for score " + score);
  }
}
