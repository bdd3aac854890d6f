package cn.timebank.ledger.schema;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Where the ledger's migrations are, and a way to apply them without Spring Boot (tests, tools).
 * The application lets Spring Boot's Flyway run them with {@code
 * spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}}.
 */
public final class LedgerSchema {

  /**
   * Run before Oracle migrations, so that {@code VARCHAR(n)} counts characters, not bytes (a
   * Chinese character is 3 bytes in AL32UTF8). The app sets it with {@code
   * spring.flyway.init-sqls}.
   */
  public static final String ORACLE_INIT_SQL = "alter session set nls_length_semantics = char";

  /** The portable migrations, run on every database. */
  public static final String COMMON = "classpath:db/migration/common";

  private LedgerSchema() {}

  /** The common location and the vendor's own (triggers, id default, large text). */
  public static List<String> locations(DatabaseVendor vendor) {
    return List.of(COMMON, "classpath:db/migration/" + vendor.id());
  }

  /**
   * Migrates the data source's current schema to the latest version. Out of order: each module
   * numbers its migrations in a range of its own, so a new migration may be numbered below one the
   * database already has (the application sets {@code spring.flyway.out-of-order} alike).
   */
  public static MigrateResult migrate(DataSource dataSource) {
    DatabaseVendor vendor = DatabaseVendor.of(dataSource);
    FluentConfiguration flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(locations(vendor).toArray(String[]::new))
            .outOfOrder(true);
    if (vendor == DatabaseVendor.ORACLE) {
      flyway = flyway.initSql(ORACLE_INIT_SQL);
    }
    return flyway.load().migrate();
  }
}
