package cn.timebank.ledger.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows into PostgreSQL by {@code COPY … FROM STDIN} in text format, on the connection of the
 * caller's transaction, sent in messages of about 64 KB. The values are those the stores bind:
 * strings, numbers ({@link BigDecimal} in plain notation), {@link LocalDate}, {@link LocalDateTime}
 * and nulls; any other type is refused rather than guessed.
 */
public final class PgCopy {

  /** Characters of COPY text gathered before they are sent (whole rows, one message). */
  public static final int MESSAGE = 64 * 1024;

  private PgCopy() {}

  /**
   * Runs {@code copySql} ({@code copy <table> (<columns>) from stdin}) with the rows, each in the
   * order of the statement's columns.
   */
  public static void rows(DataSource dataSource, String copySql, List<Object[]> rows)
      throws SQLException {
    rows(dataSource, copySql, rows, PgCopy::row);
  }

  /**
   * Runs {@code copySql} with one row of COPY text per item, written by {@code row} (which ends it
   * with a newline).
   */
  public static <T> void rows(
      DataSource dataSource, String copySql, List<T> items, BiConsumer<StringBuilder, T> row)
      throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
      try {
        StringBuilder text = new StringBuilder(MESSAGE + 4096);
        for (T item : items) {
          row.accept(text, item);
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

  /** One row in COPY text format: tab-separated, {@code \N} for null, newline-terminated. */
  public static void row(StringBuilder text, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        text.append('\t');
      }
      value(text, row[i]);
    }
    text.append('\n');
  }

  /** One value in COPY text format. */
  public static StringBuilder value(StringBuilder text, @Nullable Object value) {
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof String s) {
      escaped(text, s);
    } else if (value instanceof BigDecimal n) {
      text.append(n.toPlainString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      text.append(value);
    } else if (value instanceof LocalDate d) {
      text.append(commonEra(d));
    } else if (value instanceof LocalDateTime t) {
      text.append(commonEra(t.toLocalDate())).append(' ').append(t.toLocalTime());
    } else {
      throw new IllegalArgumentException(
          "no COPY text for a " + value.getClass().getName() + " value");
    }
    return text;
  }

  /** A date of years 1 to 9999, the only ones whose ISO form PostgreSQL reads as written. */
  private static LocalDate commonEra(LocalDate date) {
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException("no COPY text for the date " + date + ": years 1 to 9999");
    }
    return date;
  }

  /** Text with COPY's escapes for backslash, tab, newline and carriage return. */
  private static void escaped(StringBuilder text, String value) {
    int first = 0;
    while (first < value.length() && !escapes(value.charAt(first))) {
      first++;
    }
    text.append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
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

  private static boolean escapes(char c) {
    return c == '\\' || c == '\t' || c == '\n' || c == '\r';
  }
}
