package cn.timebank.scoring.store;

import cn.timebank.scoring.scorecard.ReasonText;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored scores of one participant, explained: for the {@code explain} command and {@code GET
 * /api/v1/participants/{bank}/{ref}/score}. A participant has a provider score, a recipient score
 * or both per period; every period and scorecard version stays stored.
 */
public final class ParticipantScores {

  private final JdbcClient jdbc;
  private final Scorecards scorecards;

  public ParticipantScores(JdbcClient jdbc, Scorecards scorecards) {
    this.jdbc = jdbc;
    this.scorecards = scorecards;
  }

  /** The latest period with a stored score of the participant. */
  public Optional<Period> latestPeriod(ParticipantId id) {
    return jdbc.sql(
            "select max(score_period) from cs_scores where bank_code = ? and participant_ref = ?")
        .params(id.bank(), id.ref())
        .query(String.class)
        .optional()
        .map(Period::parse);
  }

  /**
   * How many participants of a period got each grade, per subject ({@code PROVIDER}, {@code
   * RECIPIENT}), grades in alphabetical order; every scorecard version of the period counted.
   */
  public java.util.Map<Subject, java.util.SortedMap<String, Long>> gradeCounts(Period period) {
    java.util.Map<Subject, java.util.SortedMap<String, Long>> counts =
        new java.util.EnumMap<>(Subject.class);
    jdbc.sql(
            "select subject, grade, count(*) from cs_scores where score_period = ?"
                + " group by subject, grade")
        .param(period.toString())
        .query(
            (rs, n) ->
                counts
                    .computeIfAbsent(
                        Subject.valueOf(rs.getString(1)), s -> new java.util.TreeMap<>())
                    .put(rs.getString(2), rs.getLong(3)))
        .list();
    return counts;
  }

  /** The participant's scores of the latest scored period (empty if never scored). */
  public List<StoredScore> latest(ParticipantId id) {
    return latestPeriod(id).map(p -> of(id, p)).orElse(List.of());
  }

  /** The participant's scores of a period: providers first, each scorecard version once. */
  public List<StoredScore> of(ParticipantId id, Period period) {
    String p = period.toString();
    record Head(
        String card, Subject subject, java.math.BigDecimal total, int score, String grade) {}
    List<Head> heads =
        jdbc.sql(
                "select card_version, subject, total_points, score, grade from cs_scores"
                    + " where score_period = ? and bank_code = ? and participant_ref = ?"
                    + " order by subject, card_version")
            .params(p, id.bank(), id.ref())
            .query(
                (rs, n) ->
                    new Head(
                        rs.getString(1),
                        Subject.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3),
                        rs.getInt(4),
                        rs.getString(5)))
            .list();
    List<StoredScore> scores = new ArrayList<>();
    for (Head h : heads) {
      List<StoredScore.Part> parts = parts(p, h.card(), id);
      Optional<Scorecard> card = scorecards.version(h.card());
      List<StoredScore.StoredReason> reasons =
          jdbc.sql(
                  "select reason_rank, reason_code, reason_points from cs_score_reasons"
                      + " where score_period = ? and card_version = ? and bank_code = ?"
                      + " and participant_ref = ? order by reason_rank")
              .params(p, h.card(), id.bank(), id.ref())
              .query(
                  (rs, n) -> {
                    String code = rs.getString(2);
                    ReasonText text =
                        card.map(c -> c.reasons().get(code))
                            .orElse(new ReasonText(code, code, code));
                    return new StoredScore.StoredReason(
                        rs.getInt(1), code, text.zh(), text.en(), rs.getBigDecimal(3));
                  })
              .list();
      scores.add(
          new StoredScore(
              p, h.card(), h.subject(), id, h.total(), h.score(), h.grade(), parts, reasons));
    }
    return scores;
  }

  /**
   * The parts of one score: the packed row ({@code cs_score_part_sets}) or, for scores written
   * before it, one {@code cs_score_parts} row per characteristic.
   */
  private List<StoredScore.Part> parts(String period, String card, ParticipantId id) {
    Optional<String> packed =
        jdbc.sql(
                "select packed_parts from cs_score_part_sets where score_period = ?"
                    + " and card_version = ? and bank_code = ? and participant_ref = ?")
            .params(period, card, id.bank(), id.ref())
            .query(String.class)
            .optional();
    if (packed.isPresent()) {
      return PackedParts.unpack(packed.get());
    }
    return jdbc.sql(
            "select char_no, char_name, char_value, bin_label, partial_points,"
                + " baseline_points, reason_code from cs_score_parts"
                + " where score_period = ? and card_version = ? and bank_code = ?"
                + " and participant_ref = ? order by char_no")
        .params(period, card, id.bank(), id.ref())
        .query(
            (rs, n) ->
                new StoredScore.Part(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getBigDecimal(6),
                    rs.getString(7)))
        .list();
  }
}
