package cn.timebank.ledger.store;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
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

  /** Refs of one bank and record kind that a source changed. */
  public record Page(String bank, String kind, List<String> refs) {}

  /**
   * The records {@code sourceId} changed, each once, by bank and kind, at most {@code size} refs a
   * page (an index range read each, whatever the size of the source).
   */
  public void ofSource(String sourceId, int size, Consumer<Page> pages) {
    List<String[]> banksAndKinds =
        jdbc.sql(
                "select distinct bank_code, record_kind from touched_records where source_id = ?"
                    + " order by bank_code, record_kind")
            .param(sourceId)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    for (String[] bankAndKind : banksAndKinds) {
      KeysetPages.forEach(
          jdbc,
          "select distinct record_ref from touched_records"
              + " where source_id = ? and bank_code = ? and record_kind = ?",
          "record_ref",
          List.of(sourceId, bankAndKind[0], bankAndKind[1]),
          size,
          refs -> pages.accept(new Page(bankAndKind[0], bankAndKind[1], refs)));
    }
  }
}
