package cn.timebank.scoring.scorecard;

import java.util.Objects;

/** A reason code of a scorecard with its text in zh-CN and en. */
public record ReasonText(String code, String zh, String en) {

  public ReasonText {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** {@code 评分依据 / reason}. */
  public String bilingual() {
    return zh + " / " + en;
  }
}
