package cn.timebank.ledger.entry;

import java.util.function.BooleanSupplier;

/** How {@link LedgerWriter} sends entries to the database. Both give the same rows and hashes. */
public enum WritePath {
  /** {@link #COPY} on PostgreSQL (pgjdbc connection), {@link #BATCH} elsewhere. */
  AUTO,
  /** JDBC batched {@code INSERT}s: H2, Oracle, and PostgreSQL when asked. */
  BATCH,
  /** PostgreSQL {@code COPY ledger_entries FROM STDIN} through pgjdbc's {@code CopyManager}. */
  COPY;

  /**
   * Whether this path copies, on a database that {@code postgres} says is PostgreSQL or not (asked
   * only when it matters); {@link #COPY} on another database is refused.
   */
  public boolean copies(BooleanSupplier postgres) {
    return switch (this) {
      case BATCH -> false;
      case COPY -> {
        if (!postgres.getAsBoolean()) {
          throw new IllegalStateException("the COPY write path needs a PostgreSQL connection");
        }
        yield true;
      }
      case AUTO -> postgres.getAsBoolean();
    };
  }
}
