package cn.timebank.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The refs used by accepted records ({@code used_refs}). */
public final class UsedRefStore {

  private static final String COLUMNS =
      "bank_code, record_kind, record_ref, fingerprint, report_month, pos_at, pos_kind, pos_ref,"
          + " reverses_bank, reverses_kind, reverses_ref, reversed_by_bank, reversed_by_kind,"
          + " reversed_by_ref";

  private static final String DELETE =
      "delete from used_refs where bank_code = ? and record_kind = ? and record_ref = ?";
  private static final String INSERT =
      "insert into used_refs (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final @Nullable JdbcOperations batch;
  private final Inserts inserts;

  public UsedRefStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.batch = null;
    this.inserts = new Inserts(jdbc, null, "used_refs", COLUMNS);
  }

  /** A store whose {@code …All} methods write JDBC batches. */
  public UsedRefStore(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
    this.inserts = new Inserts(this.jdbc, template, "used_refs", COLUMNS);
  }

  public Optional<UsedRefRow> find(RecordKey id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from used_refs where bank_code = ? and record_kind = ? and record_ref = ?")
        .params(id.bank(), id.kind(), id.ref())
        .query(UsedRefStore::row)
        .optional();
  }

  /** The bank's refs whose records' dates fall in the month {@code YYYY-MM}. */
  public List<UsedRefRow> inMonth(String bank, String month) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from used_refs where bank_code = ? and report_month = ?"
                + " order by record_kind, record_ref")
        .params(bank, month)
        .query(UsedRefStore::row)
        .list();
  }

  /** The rows of one bank's records of one kind with these refs. */
  public List<UsedRefRow> findAll(String bank, String kind, Collection<String> refs) {
    List<UsedRefRow> rows = new ArrayList<>();
    for (List<String> slice : Sql.slices(refs)) {
      rows.addAll(
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from used_refs where bank_code = :bank and record_kind = :kind"
                      + " and record_ref in (:refs)")
              .param("bank", bank)
              .param("kind", kind)
              .param("refs", slice)
              .query(UsedRefStore::row)
              .list());
    }
    return rows;
  }

  public void remove(RecordKey id) {
    jdbc.sql(DELETE).params(id.bank(), id.kind(), id.ref()).update();
  }

  /** Inserts the row or replaces the one of the same record. */
  public void save(UsedRefRow row) {
    remove(row.id());
    jdbc.sql(INSERT).params(values(row)).update();
  }

  /** Removes the rows of these records: one batch. */
  public void removeAll(List<RecordKey> ids) {
    Sql.batch(
        batch,
        jdbc,
        DELETE,
        ids.stream().map(id -> new Object[] {id.bank(), id.kind(), id.ref()}).toList());
  }

  /** Inserts rows whose records have none: one batch. */
  public void insertAll(List<UsedRefRow> rows) {
    inserts.all(rows.stream().map(UsedRefStore::values).toList());
  }

  private static Object[] values(UsedRefRow row) {
    RecordKey reverses = row.reverses();
    RecordKey reversedBy = row.reversedBy();
    return new Object[] {
      row.id().bank(),
      row.id().kind(),
      row.id().ref(),
      row.fingerprint(),
      row.month(),
      row.position().at(),
      row.position().kind(),
      row.position().ref(),
      reverses == null ? null : reverses.bank(),
      reverses == null ? null : reverses.kind(),
      reverses == null ? null : reverses.ref(),
      reversedBy == null ? null : reversedBy.bank(),
      reversedBy == null ? null : reversedBy.kind(),
      reversedBy == null ? null : reversedBy.ref()
    };
  }

  private static UsedRefRow row(ResultSet rs, int n) throws SQLException {
    return new UsedRefRow(
        new RecordKey(
            rs.getString("bank_code"), rs.getString("record_kind"), rs.getString("record_ref")),
        rs.getString("fingerprint"),
        rs.getString("report_month"),
        new Position(
            Sql.requiredTime(rs, "pos_at"), rs.getString("pos_kind"), rs.getString("pos_ref")),
        key(rs, "reverses_bank", "reverses_kind", "reverses_ref"),
        key(rs, "reversed_by_bank", "reversed_by_kind", "reversed_by_ref"));
  }

  private static @Nullable RecordKey key(ResultSet rs, String bank, String kind, String ref)
      throws SQLException {
    String code = rs.getString(bank);
    return code == null ? null : new RecordKey(code, rs.getString(kind), rs.getString(ref));
  }
}
