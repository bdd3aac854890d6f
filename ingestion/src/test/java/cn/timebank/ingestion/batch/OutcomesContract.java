package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.standards.codes.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outcomes of a chunk on its staged rows, on each database's path. */
abstract class OutcomesContract {

  private static final String PACKAGE = "310109-001_2026-09_1";

  private TestDatabase database;
  private JdbcTemplate jdbc;
  private Outcomes outcomes;

  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    database = database().migrated();
    jdbc = new JdbcTemplate(database.dataSource());
    outcomes = new Outcomes(jdbc);
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  @Test
  void everyRowOfAChunkGetsItsOutcome() {
    // more rows than one statement holds, so the PostgreSQL path runs several
    int n = Outcomes.ROWS_PER_STATEMENT * 2 + 7;
    List<StagedRow> rows = new ArrayList<>();
    List<Outcome> results = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      rows.add(stage(2, i));
      results.add(
          switch (i % 3) {
            case 0 -> new Outcome.Rejected(ResultCode.R104, "minutes", "line " + i + " is 'bad'");
            case 1 ->
                new Outcome.Accepted(
                    List.of(ResultCode.W204, ResultCode.W201),
                    Map.of(
                        ResultCode.W204, "overlaps 310109-001 S1",
                        ResultCode.W201, "credited 180 of 300 standard minutes on 2026-10-13"),
                    Effects.NONE);
            default -> new Outcome.Confirmed("S" + i);
          });
    }
    stage(1, 5); // another file's line of the same number keeps its state

    outcomes.recordAll(rows, results);

    assertThat(count("outcome is null")).isEqualTo(1);
    assertThat(count("outcome = 'R'")).isEqualTo(n / 3);
    Map<String, Object> rejected = row(2, 3);
    assertThat(rejected)
        .containsEntry("outcome", "R")
        .containsEntry("result_codes", "R104")
        .containsEntry("field_name", "minutes")
        .containsEntry("detail", "line 3 is 'bad'");
    Map<String, Object> accepted = row(2, 4);
    assertThat(accepted).containsEntry("outcome", "A").containsEntry("result_codes", "W201,W204");
    assertThat(accepted.get("field_name")).isNull();
    assertThat(Outcomes.notes((String) accepted.get("detail")))
        .as("what the warnings are about, for the receipt")
        .containsExactly(
            Map.entry(ResultCode.W201, "credited 180 of 300 standard minutes on 2026-10-13"),
            Map.entry(ResultCode.W204, "overlaps 310109-001 S1"));
    Map<String, Object> confirmed = row(2, 5);
    assertThat(confirmed).containsEntry("outcome", "C");
    assertThat(confirmed.get("result_codes")).isNull();
    assertThat(row(1, 5).get("outcome")).isNull();
  }

  @Test
  void aRowWithAnOutcomeAlreadyFailsTheChunk() {
    StagedRow first = stage(2, 1);
    StagedRow second = stage(2, 2);
    outcomes.record(second, new Outcome.Confirmed("S2"));

    assertThatThrownBy(
            () ->
                outcomes.recordAll(
                    List.of(first, second),
                    List.of(new Outcome.Confirmed("S1"), new Outcome.Confirmed("S2"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("applied twice");
  }

  private StagedRow stage(int file, long line) {
    jdbc.update(
        "insert into staged_records (package_id, file_no, line_no, file_name, record_kind,"
            + " record_ref, apply_key, repeated_flag, payload) values (?, ?, ?, ?, 'S', ?, ?, 'N',"
            + " '{}')",
        PACKAGE,
        file,
        line,
        "services.csv",
        "S" + line,
        String.format("%d-%012d", file, line));
    return new StagedRow(PACKAGE, file, line, "services.csv", 'S', "S" + line, false, "{}");
  }

  private int count(String condition) {
    return jdbc.queryForObject(
        "select count(*) from staged_records where " + condition, Integer.class);
  }

  private Map<String, Object> row(int file, long line) {
    return jdbc.queryForMap(
        "select outcome, result_codes, field_name, detail from staged_records"
            + " where file_no = ? and line_no = ?",
        file,
        line);
  }
}
