package cn.timebank.ledger.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.RowMapper;

/** Reads stored {@code ledger_entries} rows back as {@link LedgerEntry}s (with their id). */
public final class LedgerEntryRows {

  /** The columns {@link #MAPPER} reads, for {@code select ... from ledger_entries}. */
  public static final String COLUMNS =
      "id, bank_code, chain_seq, posting_id, line_no, account_kind, participant_ref,"
          + " amount_minutes, entry_kind, source_ref, source_id, idempotency_key, posted_at,"
          + " prev_hash, entry_hash";

  /** A stored entry and its storage id. */
  public record StoredEntry(long id, LedgerEntry entry) {}

  public static final RowMapper<StoredEntry> MAPPER = LedgerEntryRows::map;

  private LedgerEntryRows() {}

  private static StoredEntry map(ResultSet rs, int rowNum) throws SQLException {
    LocalDateTime postedAt = rs.getObject("posted_at", LocalDateTime.class);
    return new StoredEntry(
        rs.getLong("id"),
        new LedgerEntry(
            rs.getString("bank_code"),
            rs.getLong("chain_seq"),
            rs.getLong("posting_id"),
            rs.getInt("line_no"),
            rs.getString("account_kind"),
            rs.getString("participant_ref"),
            rs.getLong("amount_minutes"),
            rs.getString("entry_kind"),
            rs.getString("source_ref"),
            rs.getString("source_id"),
            rs.getString("idempotency_key"),
            postedAt.toInstant(ZoneOffset.UTC),
            rs.getString("prev_hash"),
            rs.getString("entry_hash")));
  }
}
