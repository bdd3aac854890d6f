package cn.timebank.ingestion.stream;

import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the output topics: the published {@code snake_case} JSON of {@link
 * StreamJson#WIRE}, but for the database sink's {@link #RECORD}.
 */
public final class OutputSerdes {

  public static final Serde<LedgerEntry> LEDGER = JsonSerde.of(StreamJson.WIRE, LedgerEntry.class);
  public static final Serde<RejectRecord> REJECT =
      JsonSerde.of(StreamJson.WIRE, RejectRecord.class);
  public static final Serde<AlertRecord> ALERT = JsonSerde.of(StreamJson.WIRE, AlertRecord.class);

  /**
   * The database sink's topic: the internal binary form of {@link BinarySerde}, not a published
   * form.
   */
  public static final Serde<SinkRecord> RECORD = BinarySerde.of(SinkRecord.class);

  private OutputSerdes() {}
}
