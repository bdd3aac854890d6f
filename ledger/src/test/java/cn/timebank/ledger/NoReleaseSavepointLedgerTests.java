package cn.timebank.ledger;

import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.support.H2Database;
import cn.timebank.ledger.support.LedgerDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The ledger contract on H2 whose connections refuse {@code releaseSavepoint} as Oracle's driver
 * does ({@link SQLFeatureNotSupportedException}: Oracle has no RELEASE SAVEPOINT): a bank's first
 * posting creates its chain head under a savepoint, which must survive that.
 */
class NoReleaseSavepointLedgerTests extends LedgerContract {

  @Override
  protected LedgerDatabase openDatabase() {
    H2Database h2 = new H2Database();
    DataSource refusing =
        new DelegatingDataSource(h2.dataSource()) {
          @Override
          public Connection getConnection() throws java.sql.SQLException {
            return withoutReleaseSavepoint(super.getConnection());
          }
        };
    return new LedgerDatabase() {
      @Override
      public DataSource dataSource() {
        return refusing;
      }

      @Override
      public int bypassingAppendOnlyGuard(String sql, Object... args) {
        return h2.bypassingAppendOnlyGuard(sql, args);
      }

      @Override
      public void close() {
        h2.close();
      }
    };
  }

  @Override
  protected WritePath writePath() {
    return WritePath.BATCH;
  }

  private static Connection withoutReleaseSavepoint(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("releaseSavepoint")) {
                throw new SQLFeatureNotSupportedException("Unsupported feature: releaseSavepoint");
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
