package cn.timebank.ingestion.stream;

import org.jspecify.annotations.Nullable;

/**
 * What the reading step made of one input event: an event for the ledger processor, or a reject
 * (malformed JSON, a missing or malformed field, an unknown bank) that needs no state.
 */
sealed interface ReadOutcome permits ReadOutcome.Readable, ReadOutcome.Unreadable {

  /** The output key: {@code bank_code:ref} as received. */
  @Nullable String key();

  record Readable(@Nullable String key, LedgerEvent event) implements ReadOutcome {}

  record Unreadable(@Nullable String key, RejectRecord reject) implements ReadOutcome {}
}
