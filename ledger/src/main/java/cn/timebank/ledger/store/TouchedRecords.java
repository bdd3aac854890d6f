package cn.timebank.ledger.store;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which records each package or event changed ({@code touched_records}), written with the changes:
 * what a copy of the engine state kept elsewhere must read again after that source.
 */
public final class TouchedRecords {

  private static final String COLUMNS = "source_id, bank_code, record_kind, record_ref";

  private final JdbcClient jdbc;
  private final Inserts inserts;

  /** A store that writes JDBC batches (COPY on PostgreSQL). */
  public TouchedRecords(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.inserts = new Inserts(jdbc, template, "touched_records", COLUMNS);
  }

  /** Records that {@code sourceId} changed these records, in the caller's transaction. */
  public void addAll(String sourceId, Collection<RecordKey> records) {
    if (records.isEmpty()) {
      return;
    }
    inserts.all(
        records.stream().map(r -> new Object[] {sourceId, r.bank(), r.kind(), r.ref()}).toList());
  }

  /** The records {@code sourceId} changed, each once. */
  public List<RecordKey> ofSource(String sourceId) {
    return jdbc.sql(
            "select distinct bank_code, record_kind, record_ref from touched_records"
                + " where source_id = ? order by bank_code, record_kind, record_ref")
        .param(sourceId)
        .query((rs, n) -> new RecordKey(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }
}
