package cn.timebank.scoring.store;

import cn.timebank.ledger.jdbc.PgCopy;
import cn.timebank.ledger.jdbc.PostgresCheck;
import cn.timebank.scoring.scorecard.Reason;
import cn.timebank.scoring.scorecard.ScoreResult;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.standards.model.Period;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes scores per period and scorecard version: one {@code cs_scores} row, one {@code
 * cs_score_part_sets} row with every characteristic's part {@link PackedParts packed} (rather than
 * a row per characteristic, the old {@code cs_score_parts}: 7 of every 9 rows written) and up to
 * four {@code cs_score_reasons} per score. {@link #clear} removes a period+version's rows (other
 * periods and versions stay: history); {@link #insert} adds one chunk's scores in the caller's
 * transaction: on PostgreSQL with {@code COPY … FROM STDIN} (one per table and chunk, as the
 * ledger's {@code PgCopyEntrySink}), elsewhere with JDBC batches — the same rows either way.
 */
public final class ScoreStore {

  static final String SCORES =
      "cs_scores (score_period, card_version, subject, bank_code, participant_ref, total_points,"
          + " score, grade)";
  static final String PARTS =
      "cs_score_part_sets (score_period, card_version, bank_code, participant_ref, packed_parts)";
  static final String REASONS =
      "cs_score_reasons (score_period, card_version, bank_code, participant_ref, reason_rank,"
          + " reason_code, reason_points)";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final PostgresCheck postgres;

  public ScoreStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.postgres = new PostgresCheck(dataSource);
  }

  public void clear(Period period, String cardVersion) {
    for (String table :
        List.of("cs_score_reasons", "cs_score_part_sets", "cs_score_parts", "cs_scores")) {
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
          heads.add(head(p, id, s));
          parts.add(
              new Object[] {p, s.cardVersion(), id.bank(), id.ref(), PackedParts.pack(s.parts())});
          for (Reason r : s.reasons()) {
            reasons.add(reason(p, id, s, r));
          }
        });
    if (postgres.isPostgres()) {
      copy(SCORES, heads);
      copy(PARTS, parts);
      copy(REASONS, reasons);
    } else {
      batch(SCORES, heads);
      batch(PARTS, parts);
      batch(REASONS, reasons);
    }
  }

  /** A score's row of {@code cs_scores}. */
  static Object[] head(String period, ParticipantId id, ScoreResult s) {
    return new Object[] {
      period,
      s.cardVersion(),
      s.subject().name(),
      id.bank(),
      id.ref(),
      s.totalPoints(),
      s.score(),
      s.grade()
    };
  }

  /** One reason's row of {@code cs_score_reasons}. */
  static Object[] reason(String period, ParticipantId id, ScoreResult s, Reason r) {
    return new Object[] {
      period, s.cardVersion(), id.bank(), id.ref(), r.rank(), r.text().code(), r.points()
    };
  }

  private void batch(String table, List<Object[]> rows) {
    int columns = table.split(",").length;
    String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
    jdbc.batchUpdate("insert into " + table + " values (" + marks + ")", rows);
  }

  private void copy(String table, List<Object[]> rows) {
    String sql = "copy " + table + " from stdin";
    try {
      PgCopy.rows(dataSource, sql, rows);
    } catch (SQLException e) {
      throw failed("COPY " + table, sql, e);
    }
  }

  private RuntimeException failed(String task, @Nullable String sql, SQLException e) {
    RuntimeException translated = jdbc.getExceptionTranslator().translate(task, sql, e);
    return translated != null ? translated : new IllegalStateException(task + " failed", e);
  }
}
