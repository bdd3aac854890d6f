package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ledger.jdbc.PostgresCheck;
import cn.timebank.standards.codes.ResultCode;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the outcome of an applied record on its staged row. On PostgreSQL a chunk's outcomes are
 * one {@code update … from (values …)} per 1,000 rows; H2 and Oracle get a JDBC batch of one update
 * per row. Either way a row that has an outcome already is not changed, and the chunk fails.
 */
final class Outcomes {

  private static final int DETAIL = 1000;

  /** Rows per PostgreSQL statement: 6 parameters each, well under the protocol's 32,767. */
  static final int ROWS_PER_STATEMENT = 1000;

  private final JdbcTemplate jdbc;
  private final PostgresCheck postgres;

  Outcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = new PostgresCheck(Objects.requireNonNull(jdbc.getDataSource()));
  }

  private static final String UPDATE =
      "update staged_records set outcome = ?, result_codes = ?, field_name = ?, detail = ?"
          + " where package_id = ? and file_no = ? and line_no = ? and outcome is null";

  void record(StagedRow row, Outcome outcome) {
    recordAll(List.of(row), List.of(outcome));
  }

  /** The outcomes of {@code rows} (the same order), in one batch. */
  void recordAll(List<? extends StagedRow> rows, List<Outcome> outcomes) {
    if (rows.isEmpty()) {
      return;
    }
    List<Object[]> values = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      values.add(values(rows.get(i), outcomes.get(i)));
    }
    if (postgres.isPostgres()) {
      String packageId = rows.get(0).packageId();
      if (rows.stream().anyMatch(row -> !row.packageId().equals(packageId))) {
        throw new IllegalArgumentException("one chunk's outcomes belong to one package");
      }
      for (int from = 0; from < values.size(); from += ROWS_PER_STATEMENT) {
        List<Object[]> slice =
            values.subList(from, Math.min(values.size(), from + ROWS_PER_STATEMENT));
        joined(packageId, slice);
      }
      return;
    }
    int[] updated = jdbc.batchUpdate(UPDATE, values);
    for (int i = 0; i < updated.length; i++) {
      // a driver may report a batched statement's count as unknown (Statement.SUCCESS_NO_INFO)
      if (updated[i] != 1 && updated[i] != Statement.SUCCESS_NO_INFO) {
        StagedRow row = rows.get(i);
        throw new IllegalStateException(
            row.fileName()
                + " line "
                + row.lineNo()
                + " of "
                + row.packageId()
                + " was applied twice");
      }
    }
  }

  /** One statement for the slice (all rows of one package); every row must change. */
  private void joined(String packageId, List<Object[]> slice) {
    StringBuilder sql =
        new StringBuilder(
            "update staged_records s set outcome = v.outcome, result_codes = v.codes,"
                + " field_name = v.field, detail = v.detail from (values ");
    for (int i = 0; i < slice.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(cast(? as varchar), cast(? as varchar), cast(? as varchar),")
          .append(" cast(? as varchar), cast(? as numeric(4)), cast(? as numeric(12)))");
    }
    sql.append(
        ") as v(outcome, codes, field, detail, file_no, line_no) where s.package_id = ?"
            + " and s.file_no = v.file_no and s.line_no = v.line_no and s.outcome is null");
    int updated =
        jdbc.update(
            sql.toString(),
            ps -> {
              int p = 1;
              for (Object[] row : slice) {
                for (int c = 0; c < 4; c++) {
                  ps.setString(p++, (String) row[c]);
                }
                ps.setInt(p++, (Integer) row[5]);
                ps.setLong(p++, (Long) row[6]);
              }
              ps.setString(p, packageId);
            });
    if (updated != slice.size()) {
      throw new IllegalStateException(
          (slice.size() - updated)
              + " of "
              + slice.size()
              + " rows of "
              + packageId
              + " had an outcome already: applied twice");
    }
  }

  private static Object[] values(StagedRow row, Outcome outcome) {
    String kind = "C";
    String codes = null;
    String field = null;
    String detail = null;
    if (outcome instanceof Outcome.Rejected rejected) {
      kind = "R";
      codes = rejected.code().name();
      field = cut(rejected.field(), 64);
      detail = cut(rejected.detail(), DETAIL);
    } else if (outcome instanceof Outcome.Accepted accepted) {
      kind = "A";
      codes =
          accepted.warnings().isEmpty()
              ? null
              : accepted.warnings().stream().map(ResultCode::name).collect(Collectors.joining(","));
      detail = accepted.notes().isEmpty() ? null : cut(notes(accepted.notes()), DETAIL);
    }
    return new Object[] {kind, codes, field, detail, row.packageId(), row.fileNo(), row.lineNo()};
  }

  /**
   * An accepted record's notes in its {@code detail}: one line per W code, {@code "W204: overlaps
   * 310109-001 S1"} (read back by {@link #notes(String)}).
   */
  static String notes(Map<ResultCode, String> notes) {
    return new TreeMap<>(notes)
        .entrySet().stream()
            .map(note -> note.getKey().name() + ": " + note.getValue().replace('\n', ' '))
            .collect(Collectors.joining("\n"));
  }

  /** The notes an accepted record's {@code detail} holds (none when it is null). */
  static Map<ResultCode, String> notes(@Nullable String detail) {
    Map<ResultCode, String> notes = new EnumMap<>(ResultCode.class);
    if (detail != null) {
      for (String line : detail.split("\n")) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          notes.put(ResultCode.valueOf(line.substring(0, colon)), line.substring(colon + 2));
        }
      }
    }
    return notes;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
