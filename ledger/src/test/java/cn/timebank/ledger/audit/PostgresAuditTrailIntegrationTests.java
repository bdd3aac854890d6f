package cn.timebank.ledger.audit;

import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.PostgresTestSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail's contract on the real PostgreSQL, in a schema of its own. */
class PostgresAuditTrailIntegrationTests extends AuditTrailContract {

  @Override
  protected LedgerDatabase openDatabase() {
    return new PostgresTestSchema();
  }

  @Override
  protected void tamper(String sql, Object... args) {
    JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
    new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()))
        .executeWithoutResult(
            status -> {
              jdbc.execute("alter table audit_events disable trigger audit_events_no_change");
              jdbc.update(sql, args);
              jdbc.execute("alter table audit_events enable trigger audit_events_no_change");
            });
  }
}
