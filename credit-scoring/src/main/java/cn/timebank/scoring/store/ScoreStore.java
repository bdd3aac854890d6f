package cn.timebank.scoring.store;

import cn.timebank.scoring.scorecard.PartialScore;
import cn.timebank.scoring.scorecard.Reason;
import cn.timebank.scoring.scorecard.ScoreResult;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes scores per period and scorecard version. {@link #clear} removes a period+version's rows
 * (other periods and versions stay: history); {@link #insert} adds one chunk's scores with JDBC
 * batches, in the caller's transaction.
 */
public final class ScoreStore {

  private final JdbcTemplate jdbc;

  public ScoreStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void clear(Period period, String cardVersion) {
    for (String table : List.of("cs_score_reasons", "cs_score_parts", "cs_scores")) {
      jdbc.update(
          "delete from " + table + " where score_period = ? and card_version = ?",
          period.toString(),
          cardVersion);
    }
  }

  public void insert(Period period, Map<ParticipantId, ScoreResult> scores) {
    String p = period.toString();
    List<Object[]> heads = new ArrayList<>();
    List<Object[]> parts = new ArrayList<>();
    List<Object[]> reasons = new ArrayList<>();
    scores.forEach(
        (id, s) -> {
          heads.add(
              new Object[] {
                p,
                s.cardVersion(),
                s.subject().name(),
                id.bank(),
                id.ref(),
                s.totalPoints(),
                s.score(),
                s.grade()
              });
          for (int i = 0; i < s.parts().size(); i++) {
            PartialScore part = s.parts().get(i);
            parts.add(
                new Object[] {
                  p,
                  s.cardVersion(),
                  id.bank(),
                  id.ref(),
                  i + 1,
                  part.characteristic(),
                  part.value().text().orElse(null),
                  part.bin(),
                  part.points(),
                  part.baseline(),
                  part.reasonCode()
                });
          }
          for (Reason r : s.reasons()) {
            reasons.add(
                new Object[] {
                  p, s.cardVersion(), id.bank(), id.ref(), r.rank(), r.text().code(), r.points()
                });
          }
        });
    jdbc.batchUpdate(
        "insert into cs_scores (score_period, card_version, subject, bank_code, participant_ref,"
            + " total_points, score, grade) values (?, ?, ?, ?, ?, ?, ?, ?)",
        heads);
    jdbc.batchUpdate(
        "insert into cs_score_parts (score_period, card_version, bank_code, participant_ref,"
            + " char_no, char_name, char_value, bin_label, partial_points, baseline_points,"
            + " reason_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        parts);
    jdbc.batchUpdate(
        "insert into cs_score_reasons (score_period, card_version, bank_code, participant_ref,"
            + " reason_rank, reason_code, reason_points) values (?, ?, ?, ?, ?, ?, ?)",
        reasons);
  }
}
