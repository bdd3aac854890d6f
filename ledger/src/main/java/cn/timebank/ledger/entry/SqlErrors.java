package cn.timebank.ledger.entry;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/** Turns a raw {@link SQLException} into Spring's {@link DataAccessException}, never null. */
final class SqlErrors {

  private SqlErrors() {}

  static DataAccessException translate(
      SQLExceptionTranslator translator, String task, @Nullable String sql, SQLException e) {
    DataAccessException translated = translator.translate(task, sql, e);
    return translated != null ? translated : new UncategorizedSQLException(task, sql, e);
  }
}
