package cn.timebank.scoring.scorecard;

import java.util.Objects;

/** A grade and the lowest score that reaches it. */
public record GradeBand(String grade, int minScore) {

  public GradeBand {
    Objects.requireNonNull(grade, "grade");
  }
}
