package cn.timebank.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The transfer items ({@code transfer_items}): open, matched and reversed. */
public final class TransferStore {

  private static final String COLUMNS =
      "bank_code, txn_ref, direction, person_key, counterparty_bank, minutes, occurred_at,"
          + " matched_bank, matched_ref, reversed_flag";

  private final JdbcClient jdbc;

  public TransferStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /** Every item (reports, tests). */
  public List<TransferRow> all() {
    return jdbc.sql("select " + COLUMNS + " from transfer_items order by bank_code, txn_ref")
        .query(TransferStore::row)
        .list();
  }

  public void remove(String bank, String txnRef) {
    jdbc.sql("delete from transfer_items where bank_code = ? and txn_ref = ?")
        .params(bank, txnRef)
        .update();
  }

  /** Inserts the item or replaces the one of the same transaction. */
  public void save(TransferRow row) {
    remove(row.bank(), row.txnRef());
    jdbc.sql("insert into transfer_items (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            row.bank(),
            row.txnRef(),
            row.direction(),
            row.personKey(),
            row.counterpartyBank(),
            row.minutes(),
            row.occurredAt(),
            row.matchedBank(),
            row.matchedRef(),
            Sql.flag(row.reversed()))
        .update();
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
