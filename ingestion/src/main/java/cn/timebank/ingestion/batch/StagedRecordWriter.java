package cn.timebank.ingestion.batch;

import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.jdbc.PgCopy;
import cn.timebank.ledger.jdbc.PostgresCheck;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 1's writer: inserts staged rows in the chunk's transaction, on PostgreSQL with {@code COPY
 * staged_records FROM STDIN} (text format) through pgjdbc's {@code CopyManager}, elsewhere (H2,
 * Oracle) in JDBC batches ({@link WritePath}: {@code AUTO} chooses by the connection). A row
 * already staged (a step restarted after its chunk committed but before its count was saved) is
 * left as it is: the chunk's line ranges are read first and only the absent rows are written, on
 * either path.
 */
class StagedRecordWriter implements ItemWriter<StagedRecord> {

  static final String COLUMNS =
      "package_id, file_no, line_no, file_name, record_kind, record_ref, apply_key, repeated_flag,"
          + " payload";

  static final String COPY = "copy staged_records (" + COLUMNS + ") from stdin";

  private static final String INSERT =
      "insert into staged_records (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final WritePath path;
  private final PostgresCheck postgres;
  private @Nullable Boolean copy;

  StagedRecordWriter(DataSource dataSource) {
    this(dataSource, WritePath.AUTO);
  }

  StagedRecordWriter(DataSource dataSource, WritePath path) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.path = path;
    this.postgres = new PostgresCheck(dataSource);
  }

  @Override
  public void write(Chunk<? extends StagedRecord> chunk) {
    List<? extends StagedRecord> items = chunk.getItems();
    if (items.isEmpty()) {
      return;
    }
    Set<String> present = present(items);
    List<? extends StagedRecord> rows =
        present.isEmpty()
            ? items
            : items.stream().filter(r -> !present.contains(r.fileNo() + ":" + r.lineNo())).toList();
    if (rows.isEmpty()) {
      return;
    }
    if (copy()) {
      copy(rows);
    } else {
      batch(rows);
    }
  }

  /** The path in use: {@link WritePath#AUTO} resolved against the database. */
  WritePath activePath() {
    return copy() ? WritePath.COPY : WritePath.BATCH;
  }

  private boolean copy() {
    Boolean chosen = copy;
    if (chosen == null) {
      chosen = path.copies(postgres::isPostgres);
      copy = chosen;
    }
    return chosen;
  }

  private void batch(List<? extends StagedRecord> rows) {
    jdbc.batchUpdate(INSERT, rows.stream().map(StagedRecordWriter::values).toList());
  }

  private void copy(List<? extends StagedRecord> rows) {
    try {
      PgCopy.rows(dataSource, COPY, rows.stream().map(StagedRecordWriter::values).toList());
    } catch (SQLException e) {
      throw translate("COPY staged_records", COPY, e);
    }
  }

  /** A staged row's values in the order of {@link #COLUMNS}; not repeated until step 2 says so. */
  private static Object[] values(StagedRecord r) {
    return new Object[] {
      r.packageId(),
      r.fileNo(),
      r.lineNo(),
      r.fileName(),
      String.valueOf(r.kind()),
      r.ref(),
      r.applyKey(),
      "N",
      r.payload()
    };
  }

  private DataAccessException translate(String task, @Nullable String sql, SQLException e) {
    DataAccessException translated = jdbc.getExceptionTranslator().translate(task, sql, e);
    return translated != null ? translated : new UncategorizedSQLException(task, sql, e);
  }

  /** The rows of this chunk's line ranges (per file) that are staged already. */
  private Set<String> present(List<? extends StagedRecord> items) {
    Map<Integer, long[]> ranges = new TreeMap<>();
    for (StagedRecord r : items) {
      long[] range = ranges.computeIfAbsent(r.fileNo(), f -> new long[] {r.lineNo(), r.lineNo()});
      range[0] = Math.min(range[0], r.lineNo());
      range[1] = Math.max(range[1], r.lineNo());
    }
    Set<String> present = new HashSet<>();
    for (Map.Entry<Integer, long[]> range : ranges.entrySet()) {
      jdbc.query(
          "select file_no, line_no from staged_records where package_id = ?"
              + " and file_no = ? and line_no between ? and ?",
          rs -> {
            present.add(rs.getInt("file_no") + ":" + rs.getLong("line_no"));
          },
          items.get(0).packageId(),
          range.getKey(),
          range.getValue()[0],
          range.getValue()[1]);
    }
    return present;
  }
}
