package cn.timebank.ledger.entry;

import java.util.List;

/** Appends sealed entries to {@code ledger_entries} on the caller's transactional connection. */
interface EntrySink {

  /** The columns written, in order; {@code id} comes from the column's default (a sequence). */
  String COLUMNS =
      "bank_code, chain_seq, posting_id, line_no, account_kind, participant_ref, amount_minutes,"
          + " entry_kind, source_ref, source_id, idempotency_key, posted_at, prev_hash, entry_hash";

  void append(List<LedgerEntry> entries);
}
