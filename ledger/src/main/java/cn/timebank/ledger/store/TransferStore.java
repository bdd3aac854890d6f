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

/** The transfer items ({@code transfer_items}): open, matched and reversed. */
public final class TransferStore {

  private static final String COLUMNS =
      "bank_code, txn_ref, direction, person_key, counterparty_bank, minutes, occurred_at,"
          + " matched_bank, matched_ref, reversed_flag";

  private static final String DELETE =
      "delete from transfer_items where bank_code = ? and txn_ref = ?";
  private static final String INSERT =
      "insert into transfer_items (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final @Nullable JdbcOperations batch;

  public TransferStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.batch = null;
  }

  /** A store whose {@code …All} methods write JDBC batches. */
  public TransferStore(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
  }

  public Optional<TransferRow> find(String bank, String txnRef) {
    return jdbc.sql(
            "select " + COLUMNS + " from transfer_items where bank_code = ? and txn_ref = ?")
        .params(bank, txnRef)
        .query(TransferStore::row)
        .optional();
  }

  public List<TransferRow> ofPerson(String personKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from transfer_items where person_key = ? order by bank_code, txn_ref")
        .param(personKey)
        .query(TransferStore::row)
        .list();
  }

  /** The items of one bank's transactions with these refs, reversed or not. */
  public List<TransferRow> findAll(String bank, Collection<String> txnRefs) {
    List<TransferRow> rows = new ArrayList<>();
    for (List<String> slice : Sql.slices(txnRefs)) {
      rows.addAll(
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from transfer_items where bank_code = :bank and txn_ref in (:refs)")
              .param("bank", bank)
              .param("refs", slice)
              .query(TransferStore::row)
              .list());
    }
    return rows;
  }

  /** Every item (reports, tests). */
  public List<TransferRow> all() {
    return jdbc.sql("select " + COLUMNS + " from transfer_items order by bank_code, txn_ref")
        .query(TransferStore::row)
        .list();
  }

  public void remove(String bank, String txnRef) {
    jdbc.sql(DELETE).params(bank, txnRef).update();
  }

  /** Inserts the item or replaces the one of the same transaction. */
  public void save(TransferRow row) {
    remove(row.bank(), row.txnRef());
    jdbc.sql(INSERT).params(values(row)).update();
  }

  /** Removes the items of these (bank, txn ref) keys: one batch. */
  public void removeAll(List<String[]> keys) {
    Sql.batch(
        batch, jdbc, DELETE, keys.stream().map(key -> new Object[] {key[0], key[1]}).toList());
  }

  /** Inserts items whose keys are free: one batch. */
  public void insertAll(List<TransferRow> rows) {
    Sql.batch(batch, jdbc, INSERT, rows.stream().map(TransferStore::values).toList());
  }

  private static Object[] values(TransferRow row) {
    return new Object[] {
      row.bank(),
      row.txnRef(),
      row.direction(),
      row.personKey(),
      row.counterpartyBank(),
      row.minutes(),
      row.occurredAt(),
      row.matchedBank(),
      row.matchedRef(),
      Sql.flag(row.reversed())
    };
  }

  private static TransferRow row(ResultSet rs, int n) throws SQLException {
    return new TransferRow(
        rs.getString("bank_code"),
        rs.getString("txn_ref"),
        rs.getString("direction"),
        rs.getString("person_key"),
        rs.getString("counterparty_bank"),
        rs.getLong("minutes"),
        Sql.requiredTime(rs, "occurred_at"),
        rs.getString("matched_bank"),
        rs.getString("matched_ref"),
        Sql.flag(rs, "reversed_flag"));
  }
}
