package cn.timebank.ledger.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the ledger runs on. {@link #id()} is the name of the vendor migration folder, the
 * same as Spring Boot's {@code {vendor}} placeholder in {@code spring.flyway.locations}.
 */
public enum DatabaseVendor {
  H2("h2"),
  POSTGRESQL("postgresql"),
  ORACLE("oracle");

  private final String id;

  DatabaseVendor(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static DatabaseVendor of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return ofProductName(product);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database product name", e);
    }
  }

  static DatabaseVendor ofProductName(String product) {
    String name = product.toLowerCase(Locale.ROOT);
    for (DatabaseVendor vendor : values()) {
      if (name.startsWith(vendor.id)) {
        return vendor;
      }
    }
    throw new IllegalArgumentException("the ledger does not support " + product);
  }
}
