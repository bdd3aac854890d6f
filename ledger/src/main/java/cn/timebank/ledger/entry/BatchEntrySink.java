package cn.timebank.ledger.entry;

import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** JDBC batched inserts: the path for H2 and Oracle. */
final class BatchEntrySink implements EntrySink {

  private static final String INSERT =
      "insert into ledger_entries ("
          + COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final int batchSize;

  BatchEntrySink(JdbcTemplate jdbc, int batchSize) {
    this.jdbc = jdbc;
    this.batchSize = batchSize;
  }

  @Override
  public void append(List<LedgerEntry> entries) {
    jdbc.batchUpdate(
        INSERT,
        entries,
        batchSize,
        (ps, e) -> {
          ps.setString(1, e.bankCode());
          ps.setLong(2, e.chainSeq());
          ps.setLong(3, e.postingId());
          ps.setInt(4, e.lineNo());
          ps.setString(5, e.accountKind());
          if (e.participantRef() == null) {
            ps.setNull(6, Types.VARCHAR);
          } else {
            ps.setString(6, e.participantRef());
          }
          ps.setLong(7, e.amountMinutes());
          ps.setString(8, e.entryKind());
          ps.setString(9, e.sourceRef());
          ps.setString(10, e.sourceId());
          ps.setString(11, e.idempotencyKey());
          ps.setObject(12, LocalDateTime.ofInstant(e.postedAt(), ZoneOffset.UTC));
          ps.setString(13, e.prevHash());
          ps.setString(14, e.entryHash());
        });
  }
}
