package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.entry.WritePath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stage step's writer on one database: the rows as written (text with the characters COPY's
 * text format escapes, nulls, non-ASCII), and a chunk written again after it committed (a restarted
 * step) leaves the staged rows as they are and adds only the absent ones.
 */
abstract class StagedRecordWriterContract {

  abstract TestDatabase database();

  abstract WritePath expectedPath();

  private JdbcTemplate jdbc;
  private StagedRecordWriter writer;

  @BeforeEach
  void emptyTable() {
    jdbc = new JdbcTemplate(database().dataSource());
    jdbc.update("delete from staged_records");
    writer = new StagedRecordWriter(database().dataSource());
  }

  @Test
  void choosesItsPathByTheDatabase() {
    assertThat(writer.activePath()).isEqualTo(expectedPath());
  }

  @Test
  void writesEveryColumnAsGiven() {
    StagedRecord odd =
        new StagedRecord(
            "pkg-1",
            2,
            7,
            "services_1.csv",
            'S',
            "S\t1\\x\u00e9",
            "1202601010000000000000000",
            "{\"a\":\"b\\\"c\\\\d\\n\",\"z\":\"\u4e2d\u6587 \ud83d\ude00\"}");
    StagedRecord noRef =
        new StagedRecord("pkg-1", 2, 8, "services_1.csv", 'S', null, "2000200000000008", "{}");

    writer.write(Chunk.of(odd, noRef));

    assertThat(rows()).containsExactly(describe(odd), describe(noRef));
    assertThat(jdbc.queryForList("select repeated_flag from staged_records", String.class))
        .containsOnly("N");
  }

  @Test
  void aChunkWrittenAgainAfterItCommittedStagesNothingTwice() {
    writer.write(Chunk.of(row(1, "first"), row(2, "first"), row(3, "first")));

    writer.write(
        Chunk.of(
            row(1, "again"), row(2, "again"), row(3, "again"), row(4, "again"), row(5, "again")));
    writer.write(Chunk.of(row(4, "third"), row(5, "third")));

    assertThat(rows())
        .containsExactly(
            describe(row(1, "first")),
            describe(row(2, "first")),
            describe(row(3, "first")),
            describe(row(4, "again")),
            describe(row(5, "again")));
  }

  private static StagedRecord row(long line, String payload) {
    return new StagedRecord(
        "pkg-2",
        1,
        line,
        "participants_1.csv",
        'P',
        "P" + line,
        ApplyKeys.participant(1, line),
        "{\"v\":\"" + payload + "\"}");
  }

  private static String describe(StagedRecord r) {
    return String.join(
        "|",
        r.packageId(),
        String.valueOf(r.fileNo()),
        String.valueOf(r.lineNo()),
        r.fileName(),
        String.valueOf(r.kind()),
        String.valueOf(r.ref()),
        r.applyKey(),
        r.payload());
  }

  private List<String> rows() {
    return jdbc.query(
        "select package_id, file_no, line_no, file_name, record_kind, record_ref, apply_key,"
            + " payload from staged_records order by package_id, file_no, line_no",
        (rs, n) ->
            String.join(
                "|",
                rs.getString(1),
                String.valueOf(rs.getInt(2)),
                String.valueOf(rs.getLong(3)),
                rs.getString(4),
                rs.getString(5),
                String.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8)));
  }
}
