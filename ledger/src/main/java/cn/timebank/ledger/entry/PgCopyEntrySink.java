package cn.timebank.ledger.entry;

import cn.timebank.ledger.jdbc.PgCopy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * The PostgreSQL fast path: {@code COPY ledger_entries FROM STDIN} (text format) through pgjdbc's
 * {@code CopyManager}, on the connection of the caller's transaction. Rows are streamed, one {@code
 * writeToCopy} per row, so memory does not grow with the batch.
 */
final class PgCopyEntrySink implements EntrySink {

  static final String COPY = "copy ledger_entries (" + COLUMNS + ") from stdin";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final SQLExceptionTranslator translator;

  PgCopyEntrySink(DataSource dataSource, SQLExceptionTranslator translator) {
    this.dataSource = dataSource;
    this.translator = translator;
  }

  @Override
  public void append(List<LedgerEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
      try {
        for (LedgerEntry e : entries) {
          byte[] row = row(e).getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(row, 0, row.length);
        }
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(translator, "COPY ledger_entries", COPY, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** One row in COPY text format: tab-separated, {@code \N} for null, newline-terminated. */
  static String row(LedgerEntry e) {
    StringBuilder row = new StringBuilder(320);
    value(row, e.bankCode()).append('\t');
    row.append(e.chainSeq()).append('\t');
    row.append(e.postingId()).append('\t');
    row.append(e.lineNo()).append('\t');
    value(row, e.accountKind()).append('\t');
    value(row, e.participantRef()).append('\t');
    row.append(e.amountMinutes()).append('\t');
    value(row, e.entryKind()).append('\t');
    value(row, e.sourceRef()).append('\t');
    value(row, e.sourceId()).append('\t');
    value(row, e.idempotencyKey()).append('\t');
    row.append(TIMESTAMP.format(e.postedAt())).append('\t');
    row.append(e.prevHash()).append('\t');
    row.append(e.entryHash()).append('\n');
    return row.toString();
  }

  private static StringBuilder value(StringBuilder row, @Nullable String value) {
    return PgCopy.value(row, value);
  }
}
