package cn.timebank.ledger.entry;

/** How {@link LedgerWriter} sends entries to the database. Both give the same rows and hashes. */
public enum WritePath {
  /** {@link #COPY} on PostgreSQL (pgjdbc connection), {@link #BATCH} elsewhere. */
  AUTO,
  /** JDBC batched {@code INSERT}s: H2, Oracle, and PostgreSQL when asked. */
  BATCH,
  /** PostgreSQL {@code COPY ledger_entries FROM STDIN} through pgjdbc's {@code CopyManager}. */
  COPY
}
