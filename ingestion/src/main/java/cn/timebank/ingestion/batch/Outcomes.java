package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.standards.codes.ResultCode;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records the outcome of an applied record on its staged row. */
final class Outcomes {

  private static final int DETAIL = 1000;

  private final JdbcTemplate jdbc;

  Outcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
    }
    return new Object[] {kind, codes, field, detail, row.packageId(), row.fileNo(), row.lineNo()};
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
