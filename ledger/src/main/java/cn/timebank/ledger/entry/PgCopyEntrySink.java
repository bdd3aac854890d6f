package cn.timebank.ledger.entry;

import cn.timebank.ledger.jdbc.PgCopy;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * The PostgreSQL fast path: {@code COPY ledger_entries FROM STDIN} (text format) through pgjdbc's
 * {@code CopyManager} ({@link PgCopy}), on the connection of the caller's transaction. Rows go in
 * messages of about 64 KB, so memory does not grow with the batch.
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
    try {
      PgCopy.rows(dataSource, COPY, entries, (text, e) -> text.append(row(e)));
    } catch (SQLException e) {
      throw SqlErrors.translate(translator, "COPY ledger_entries", COPY, e);
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
