package cn.timebank.ingestion.stream;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The ledger topology:
 *
 * <pre>
 * tb.participants.v1 ─┐  (String, bytes)
 * tb.services.v1 ─────┼─ read-* (stateless: JSON, bank, standards reader) ─┬─ rejects ──────────────► tb.rejects.v1
 * tb.transactions.v1 ─┘                                                    └─ events ─► ordered (1 partition;
 *                                                                                       │  REPARTITIONED only)
 *                    ledger (RecordEngine + StoreLedgerState, event ids) ◄─────────────┘
 *                      ├─ postings ► tb.ledger.v1   ├─ rejects ► tb.rejects.v1   └─ warnings ► tb.alerts.v1
 * </pre>
 *
 * Reading comes first so that no raw identity number reaches an internal topic or a store. The
 * ledger processor is one task: every event meets the whole state in one total order, which the
 * cross-bank rules (daily cap, overlaps, transfers by person key) need. How the events reach it
 * depends on the input topics' partitions ({@link Layout}): with one partition each (as {@code
 * LiveLedger} creates them) the reading and the ledger run in that one task, in the order in which
 * it takes the input records; with more, the reading runs in one task per partition and its events
 * are repartitioned to the one partition of the ordered topic. The README ("Streaming interface")
 * says how to scale it.
 */
public final class LedgerTopology {

  /** The name of the internal ordered (repartition) topic, before the application id prefix. */
  public static final String ORDERED = "ledger-ordered";

  /** How the read events reach the one ledger task. */
  public enum Layout {
    /**
     * Every input topic has one partition: the three are read by one task, which runs the ledger
     * too; no internal topic, no second transaction hop.
     */
    ONE_TASK,
    /**
     * The input topics have several partitions: the reading runs in one task per partition, and the
     * events are repartitioned to the one partition of the ordered topic ({@link #ORDERED}).
     */
    REPARTITIONED;

    /** The layout for input topics of which the largest has this many partitions. */
    public static Layout forInputPartitions(int mostPartitions) {
      if (mostPartitions < 1) {
        throw new IllegalArgumentException("a topic has at least one partition: " + mostPartitions);
      }
      return mostPartitions == 1 ? ONE_TASK : REPARTITIONED;
    }
  }

  private LedgerTopology() {}

  /** Adds the topology with persistent stores. */
  public static void build(StreamsBuilder builder, StreamConfig config, Layout layout) {
    build(builder, config, LedgerStores.persistent(), layout);
  }

  /** Adds the topology with the given stores (see {@link LedgerStores#builders}). */
  public static void build(
      StreamsBuilder builder,
      StreamConfig config,
      Iterable<StoreBuilder<?>> stores,
      Layout layout) {
    KStream<String, ReadOutcome> read = null;
    for (EventTopic topic : EventTopic.values()) {
      KStream<String, ReadOutcome> one =
          builder.stream(
                  topic.topic(),
                  Consumed.with(Serdes.String(), Serdes.ByteArray())
                      .withName("in-" + topic.name().toLowerCase()))
              .processValues(
                  () -> new Reading(new EventReader(topic, config)),
                  Named.as("read-" + topic.name().toLowerCase()));
      read = read == null ? one : read.merge(one, Named.as("merge-" + topic.name().toLowerCase()));
    }
    stores.forEach(builder::addStateStore);
    read.split(Named.as("read-"))
        .branch(
            (key, outcome) -> outcome instanceof ReadOutcome.Unreadable,
            Branched.withConsumer(
                rejects ->
                    rejects
                        .map(
                            (key, outcome) ->
                                new KeyValue<>(
                                    outcome.key(), ((ReadOutcome.Unreadable) outcome).reject()),
                            Named.as("unreadable"))
                        .to(Topics.REJECTS, Produced.with(Serdes.String(), OutputSerdes.REJECT)),
                "unreadable"))
        .defaultBranch(
            Branched.withConsumer(
                readable ->
                    ledger(
                        ordered(
                            readable.mapValues(
                                outcome -> ((ReadOutcome.Readable) outcome).event(),
                                Named.as("readable")),
                            layout),
                        config),
                "readable"));
  }

  /** The read events as the ledger task takes them (see {@link Layout}). */
  private static KStream<String, LedgerEvent> ordered(
      KStream<String, LedgerEvent> events, Layout layout) {
    if (layout == Layout.ONE_TASK) {
      return events;
    }
    return events.repartition(
        Repartitioned.with(Serdes.String(), BinarySerde.of(LedgerEvent.class))
            .withName(ORDERED)
            .withNumberOfPartitions(1));
  }

  /** The ledger processor and its four outputs. */
  private static void ledger(KStream<String, LedgerEvent> events, StreamConfig config) {
    events
        .process(
            () -> new LedgerProcessor(config),
            Named.as("ledger"),
            LedgerStores.NAMES.toArray(String[]::new))
        .split(Named.as("out-"))
        .branch(
            (key, out) -> out instanceof LedgerEntry,
            Branched.withConsumer(
                s ->
                    s.mapValues(out -> (LedgerEntry) out)
                        .to(Topics.LEDGER, Produced.with(Serdes.String(), OutputSerdes.LEDGER)),
                "ledger"))
        .branch(
            (key, out) -> out instanceof AlertRecord,
            Branched.withConsumer(
                s ->
                    s.mapValues(out -> (AlertRecord) out)
                        .to(Topics.ALERTS, Produced.with(Serdes.String(), OutputSerdes.ALERT)),
                "alerts"))
        .branch(
            (key, out) -> out instanceof SinkRecord,
            Branched.withConsumer(
                s ->
                    s.mapValues(out -> (SinkRecord) out)
                        .to(Topics.RECORDS, Produced.with(Serdes.String(), OutputSerdes.RECORD)),
                "records"))
        .defaultBranch(
            Branched.withConsumer(
                s ->
                    s.mapValues(out -> (RejectRecord) out)
                        .to(Topics.REJECTS, Produced.with(Serdes.String(), OutputSerdes.REJECT)),
                "rejects"));
  }

  /** The reading step as a value processor: the record's timestamp is the event's receipt time. */
  private static final class Reading implements FixedKeyProcessor<String, byte[], ReadOutcome> {

    private final EventReader reader;
    private FixedKeyProcessorContext<String, ReadOutcome> context;

    Reading(EventReader reader) {
      this.reader = reader;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ReadOutcome> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
      context.forward(
          record.withValue(
              reader.read(record.key(), record.value(), Instant.ofEpochMilli(record.timestamp()))));
    }
  }
}
