package cn.timebank.ledger.audit;

import cn.timebank.ledger.support.H2Database;
import cn.timebank.ledger.support.LedgerDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail's contract on in-memory H2. */
class H2AuditTrailTests extends AuditTrailContract {

  @Override
  protected LedgerDatabase openDatabase() {
    return new H2Database();
  }

  @Override
  protected void tamper(String sql, Object... args) {
    JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
    jdbc.execute("drop trigger audit_events_no_change");
    try {
      jdbc.update(sql, args);
    } finally {
      jdbc.execute(
          "create trigger audit_events_no_change before update, delete on audit_events"
              + " for each row call 'cn.timebank.ledger.schema.AppendOnlyTrigger'");
    }
  }
}
