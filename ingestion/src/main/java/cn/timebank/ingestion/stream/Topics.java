package cn.timebank.ingestion.stream;

/** The output topics of the ledger topology (the inputs are {@link EventTopic}). */
public final class Topics {

  /** One JSON record per posting ({@link LedgerEntry}), key {@code bank_code}. */
  public static final String LEDGER = "tb.ledger.v1";

  /** One JSON record per rejected event ({@link RejectRecord}), key {@code bank_code}. */
  public static final String REJECTS = "tb.rejects.v1";

  /**
   * One JSON record per warning of an accepted event ({@link AlertRecord}), key {@code bank_code}.
   */
  public static final String ALERTS = "tb.alerts.v1";

  /**
   * One record per applied (accepted or confirmed) event ({@link AppliedRecord}, key {@code
   * bank_code}), and a {@link HoldMark} (key: the package id) where the processor began to hold its
   * events for a package being applied: what the database sink writes ({@link SinkRecord}, binary).
   * One partition: the sink applies it in the ledger processor's order.
   */
  public static final String RECORDS = "tb.records.v1";

  private Topics() {}
}
