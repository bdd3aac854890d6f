package cn.timebank.ledger.schema;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * H2's append-only guard on {@code ledger_entries}: created by {@code
 * db/migration/h2/V2__append_only_and_vendor_columns.sql} as a {@code BEFORE UPDATE, DELETE}
 * trigger, it refuses every change to a stored entry.
 */
public final class AppendOnlyTrigger implements Trigger {

  /** SQLSTATE 23001, restrict violation: what the PostgreSQL trigger raises too. */
  static final String RESTRICT_VIOLATION = "23001";

  @Override
  public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
      throws SQLException {
    String change = newRow == null ? "DELETE" : "UPDATE";
    throw new SQLException(
        "ledger_entries is append-only: " + change + " refused", RESTRICT_VIOLATION);
  }
}
