package cn.timebank.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Conversions the stores share. Times and dates go through {@code setObject}/{@code getObject} with
 * {@code java.time} types (no default time zone involved), flags are {@code 'Y'}/{@code 'N'}.
 */
final class Sql {

  private Sql() {}

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
