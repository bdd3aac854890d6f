package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.util.Objects;

/**
 * What a characteristic needs besides the participants: the 12-month window ending with the period
 * and the version of the findings rules whose findings of the period count (integrity).
 */
public record ScoringContext(ScoringWindow window, String rulesVersion) {

  public ScoringContext {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(rulesVersion, "rulesVersion");
  }

  public static ScoringContext of(Period period, String rulesVersion) {
    return new ScoringContext(ScoringWindow.of(period), rulesVersion);
  }

  public Period period() {
    return window.period();
  }
}
