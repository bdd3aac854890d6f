package cn.timebank.scoring.store;

import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored score with its explanation: every characteristic's value, bin and partial score, and the
 * ranked reasons with their text.
 */
public record StoredScore(
    String period,
    String cardVersion,
    Subject subject,
    ParticipantId participant,
    BigDecimal totalPoints,
    int score,
    String grade,
    List<Part> parts,
    List<StoredReason> reasons) {

  public StoredScore {
    parts = List.copyOf(parts);
    reasons = List.copyOf(reasons);
  }

  /** One characteristic of the score; {@code value} is null when it was missing. */
  public record Part(
      int no,
      String characteristic,
      @Nullable String value,
      String bin,
      BigDecimal points,
      BigDecimal baseline,
      String reasonCode) {}

  public record StoredReason(int rank, String code, String zh, String en, BigDecimal points) {}
}
