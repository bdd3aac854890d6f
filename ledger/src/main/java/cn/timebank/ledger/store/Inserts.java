package cn.timebank.ledger.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A store's inserts of many rows into one table. On PostgreSQL (with a batch template) they are one
 * {@code COPY … FROM STDIN} in text format, sent in messages of about 64 KB on the connection of
 * the caller's transaction; on H2 and Oracle a JDBC batch of the {@code INSERT}; without a
 * template, one statement per row. The values are those a store binds: strings, whole numbers,
 * {@link BigDecimal}, {@link LocalDate}, {@link LocalDateTime} and nulls.
 */
final class Inserts {

  private static final int MESSAGE = 64 * 1024;

  private final JdbcClient jdbc;
  private final @Nullable JdbcTemplate batch;
  private final String table;
  private final String insert;
  private final String copy;
  private @Nullable Boolean postgres;

  /**
   * @param columns the table's columns in the order of each row's values, comma-separated
   */
  Inserts(JdbcClient jdbc, @Nullable JdbcTemplate batch, String table, String columns) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.table = table;
    int count = columns.split(",").length;
    this.insert =
        "insert into "
            + table
            + " ("
            + columns
            + ") values ("
            + String.join(", ", Collections.nCopies(count, "?"))
            + ")";
    this.copy = "copy " + table + " (" + columns + ") from stdin";
  }

  /** The statement of one row (for a store's single inserts). */
  String insert() {
    return insert;
  }

  /** Inserts the rows (none: nothing is sent). */
  void all(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    JdbcTemplate template = batch;
    if (template != null && postgres(template)) {
      copy(template, rows);
    } else {
      Sql.batch(template, jdbc, insert, rows);
    }
  }

  private boolean postgres(JdbcTemplate template) {
    Boolean known = postgres;
    if (known == null) {
      known =
          template.execute(
              (ConnectionCallback<Boolean>)
                  c ->
                      c.getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(Locale.ROOT)
                          .startsWith("postgresql"));
      postgres = known;
    }
    return Boolean.TRUE.equals(known);
  }

  private void copy(JdbcTemplate template, List<Object[]> rows) {
    DataSource dataSource = template.getDataSource();
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
      try {
        StringBuilder text = new StringBuilder(MESSAGE + 4096);
        for (Object[] row : rows) {
          row(text, row);
          if (text.length() >= MESSAGE) {
            send(in, text);
          }
        }
        send(in, text);
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    } catch (SQLException e) {
      RuntimeException translated =
          template.getExceptionTranslator().translate("COPY " + table, copy, e);
      throw translated != null ? translated : new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static void send(CopyIn in, StringBuilder text) throws SQLException {
    if (text.isEmpty()) {
      return;
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  /** One row in COPY's text format: tab-separated, {@code \N} for null, newline-terminated. */
  static void row(StringBuilder text, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        text.append('\t');
      }
      value(text, row[i]);
    }
    text.append('\n');
  }

  private static void value(StringBuilder text, @Nullable Object value) {
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof String s) {
      escaped(text, s);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      text.append(value);
    } else if (value instanceof BigDecimal n) {
      text.append(n.toPlainString());
    } else if (value instanceof LocalDate d) {
      text.append(d);
    } else if (value instanceof LocalDateTime t) {
      text.append(t.toLocalDate()).append(' ').append(t.toLocalTime());
    } else {
      throw new IllegalArgumentException(
          "no COPY text for a " + value.getClass().getName() + " value");
    }
  }

  private static void escaped(StringBuilder text, String value) {
    if (plain(value)) {
      text.append(value);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }

  /** Whether the text holds none of the characters COPY's text format escapes. */
  private static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }
}
