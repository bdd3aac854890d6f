package cn.timebank.ledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Whether a data source's connections are PostgreSQL's (pgjdbc), asked once — on the connection of
 * the caller's transaction when one runs — and remembered. The writers that have a PostgreSQL fast
 * path (COPY, one-statement updates) hold one each.
 */
public final class PostgresCheck {

  private final DataSource dataSource;
  private volatile @Nullable Boolean known;

  public PostgresCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean isPostgres() {
    Boolean answer = known;
    if (answer == null) {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        answer = connection.isWrapperFor(PGConnection.class);
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException(
            "cannot tell whether the database is PostgreSQL", e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
      known = answer;
    }
    return answer;
  }
}
