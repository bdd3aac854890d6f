package cn.timebank.app.support;

import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.schema.LedgerSchema;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A real audit trail on a private in-memory H2 database, for tests without an application. */
public final class InMemoryAuditTrail {

  private InMemoryAuditTrail() {}

  public static AuditTrail create() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:audit_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    LedgerSchema.migrate(dataSource);
    return new AuditTrail(dataSource, Clock.systemUTC());
  }
}
