package cn.timebank.ledger.schema;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Where the ledger's migrations are, and a way to apply them without Spring Boot (tests, tools).
 * The application lets Spring Boot's Flyway run them with {@code
 * spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}}.
 */
public final class LedgerSchema {

  /** The portable migrations, run on every database. */
  public static final String COMMON = "classpath:db/migration/common";

  private LedgerSchema() {}

  /** The common location and the vendor's own (triggers, id default, large text). */
  public static List<String> locations(DatabaseVendor vendor) {
    return List.of(COMMON, "classpath:db/migration/" + vendor.id());
  }

  /** Migrates the data source's current schema to the latest version. */
  public static MigrateResult migrate(DataSource dataSource) {
    DatabaseVendor vendor = DatabaseVendor.of(dataSource);
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(locations(vendor).toArray(String[]::new))
        .load()
        .migrate();
  }
}
