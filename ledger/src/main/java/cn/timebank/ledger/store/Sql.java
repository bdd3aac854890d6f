package cn.timebank.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversions the stores share. Times and dates go through {@code setObject}/{@code getObject} with
 * {@code java.time} types (no default time zone involved), flags are {@code 'Y'}/{@code 'N'}.
 */
final class Sql {

  /** At most this many values in one {@code IN (…)} list (Oracle allows 1,000). */
  static final int IN_LIST = 500;

  private Sql() {}

  /**
   * Runs {@code sql} once per row: as one JDBC batch when {@code batch} is there, else statement by
   * statement.
   */
  static void batch(
      @Nullable JdbcOperations batch, JdbcClient jdbc, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (batch != null) {
      batch.batchUpdate(sql, rows);
      return;
    }
    for (Object[] row : rows) {
      jdbc.sql(sql).params(row).update();
    }
  }

  /** {@code values} in slices of at most {@link #IN_LIST}, for {@code IN (…)} lists. */
  static <T> List<List<T>> slices(Collection<T> values) {
    List<T> all = new ArrayList<>(values);
    List<List<T>> slices = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_LIST) {
      slices.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
    }
    return slices;
  }

  static String flag(boolean value) {
    return value ? "Y" : "N";
  }

  static boolean flag(ResultSet rs, String column) throws SQLException {
    return "Y".equals(rs.getString(column));
  }

  static @Nullable LocalDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class);
  }

  static LocalDateTime requiredTime(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }

  static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
