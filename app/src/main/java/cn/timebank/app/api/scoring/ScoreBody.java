package cn.timebank.app.api.scoring;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.StoredScore;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON of {@code GET /api/v1/participants/{bank}/{ref}/score}: the participant's scores of one
 * period (a provider score, a recipient score or both), each explained characteristic by
 * characteristic, with its top reasons in zh-CN and en.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ScoreBody(String bankCode, String participantRef, String period, List<Score> scores) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Score(
      String subject,
      String scorecardVersion,
      int score,
      String grade,
      BigDecimal totalPoints,
      List<Characteristic> characteristics,
      List<Reason> reasons) {}

  /** {@code value} is null when the characteristic was missing (scored with its missing points). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Characteristic(
      String name,
      @Nullable String value,
      String bin,
      BigDecimal points,
      BigDecimal baseline,
      String reasonCode) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Reason(int rank, String code, BigDecimal pointsBelowBaseline, String zh, String en) {}

  static ScoreBody of(ParticipantId id, String period, List<StoredScore> stored) {
    return new ScoreBody(
        id.bank(), id.ref(), period, stored.stream().map(ScoreBody::score).toList());
  }

  private static Score score(StoredScore s) {
    return new Score(
        s.subject().name(),
        s.cardVersion(),
        s.score(),
        s.grade(),
        s.totalPoints(),
        s.parts().stream()
            .map(
                p ->
                    new Characteristic(
                        p.characteristic(),
                        p.value(),
                        p.bin(),
                        p.points(),
                        p.baseline(),
                        p.reasonCode()))
            .toList(),
        s.reasons().stream()
            .limit(4)
            .map(r -> new Reason(r.rank(), r.code(), r.points(), r.zh(), r.en()))
            .toList());
  }
}
