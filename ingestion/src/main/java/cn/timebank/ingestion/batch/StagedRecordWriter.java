package cn.timebank.ingestion.batch;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 1's writer: inserts staged rows in JDBC batches. A row already staged (a step restarted
 * after its chunk committed but before its count was saved) is left as it is.
 */
class StagedRecordWriter implements ItemWriter<StagedRecord> {

  private final JdbcTemplate jdbc;

  StagedRecordWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void write(Chunk<? extends StagedRecord> chunk) {
    List<? extends StagedRecord> items = chunk.getItems();
    if (items.isEmpty()) {
      return;
    }
    Set<String> present = present(items);
    List<Object[]> rows =
        items.stream()
            .filter(r -> !present.contains(r.fileNo() + ":" + r.lineNo()))
            .map(
                r ->
                    new Object[] {
                      r.packageId(),
                      r.fileNo(),
                      r.lineNo(),
                      r.fileName(),
                      String.valueOf(r.kind()),
                      r.ref(),
                      r.applyKey(),
                      r.payload()
                    })
            .toList();
    jdbc.batchUpdate(
        "insert into staged_records (package_id, file_no, line_no, file_name, record_kind,"
            + " record_ref, apply_key, repeated_flag, payload) values (?, ?, ?, ?, ?, ?, ?, 'N', ?)",
        rows);
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
