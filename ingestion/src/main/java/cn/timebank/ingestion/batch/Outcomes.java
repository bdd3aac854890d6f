package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.standards.codes.ResultCode;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records the outcome of an applied record on its staged row. */
final class Outcomes {

  private static final int DETAIL = 1000;

  private final JdbcTemplate jdbc;

  Outcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(StagedRow row, Outcome outcome) {
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
    int updated =
        jdbc.update(
            "update staged_records set outcome = ?, result_codes = ?, field_name = ?, detail = ?"
                + " where package_id = ? and file_no = ? and line_no = ? and outcome is null",
            kind,
            codes,
            field,
            detail,
            row.packageId(),
            row.fileNo(),
            row.lineNo());
    if (updated != 1) {
      throw new IllegalStateException(
          row.fileName()
              + " line "
              + row.lineNo()
              + " of "
              + row.packageId()
              + " was applied twice");
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
