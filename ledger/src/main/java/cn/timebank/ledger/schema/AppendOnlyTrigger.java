package cn.timebank.ledger.schema;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * H2's append-only guard on {@code ledger_entries}: created by {@code
 * db/migration/h2/V2__append_only_and_vendor_columns.sql} as a {@code BEFORE UPDATE, DELETE}
 * trigger, it refuses every change to a stored entry; {@code V301__audit_append_only.sql} puts it
 * on {@code audit_events} too.
 */
public final class AppendOnlyTrigger implements Trigger {

  private String table = "ledger_entries";

  @Override
  public void init(
      Connection connection,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    table = tableName.toLowerCase(java.util.Locale.ROOT);
  }

  /** SQLSTATE 23001, restrict violation: what the PostgreSQL trigger raises too. */
  static final String RESTRICT_VIOLATION = "23001";

  @Override
  public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
      throws SQLException {
    String change = newRow == null ? "DELETE" : "UPDATE";
    throw new SQLException(table + " is append-only: " + change + " refused", RESTRICT_VIOLATION);
  }
}
