package cn.timebank.ledger.store;

import cn.timebank.ledger.jdbc.PgCopy;
import cn.timebank.ledger.jdbc.PostgresCheck;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A store's inserts of many rows into one table. On PostgreSQL (with a batch template) they are one
 * {@code COPY … FROM STDIN} ({@link PgCopy}) on the connection of the caller's transaction; on H2
 * and Oracle a JDBC batch of the {@code INSERT}; without a template, one statement per row.
 */
final class Inserts {

  private final JdbcClient jdbc;
  private final @Nullable JdbcTemplate batch;
  private final String table;
  private final String insert;
  private final String copy;
  private final @Nullable PostgresCheck postgres;

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
    this.postgres =
        batch == null ? null : new PostgresCheck(Objects.requireNonNull(batch.getDataSource()));
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
    if (template != null && postgres != null && postgres.isPostgres()) {
      copy(template, rows);
    } else {
      Sql.batch(template, jdbc, insert, rows);
    }
  }

  private void copy(JdbcTemplate template, List<Object[]> rows) {
    try {
      PgCopy.rows(Objects.requireNonNull(template.getDataSource()), copy, rows);
    } catch (SQLException e) {
      RuntimeException translated =
          template.getExceptionTranslator().translate("COPY " + table, copy, e);
      throw translated != null ? translated : new IllegalStateException(e);
    }
  }
}
