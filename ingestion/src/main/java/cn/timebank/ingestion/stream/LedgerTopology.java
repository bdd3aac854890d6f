package cn.timebank.ingestion.stream;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
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
 * tb.transactions.v1 ─┘                                                    └─ events ─► ordered (1 partition)
 *                                                                                       │
 *                    ledger (RecordEngine + StoreLedgerState, event ids) ◄─────────────┘
 *                      ├─ postings ► tb.ledger.v1   ├─ rejects ► tb.rejects.v1   └─ warnings ► tb.alerts.v1
 * </pre>
 *
 * Reading comes first so that no raw identity number reaches an internal topic or a store. The
 * ordered topic has one partition: every event meets the whole state in one task, in one total
 * order, which the cross-bank rules (daily cap, overlaps, transfers by person key) need. The README
 * ("Streaming interface") says how to scale it.
 */
public final class LedgerTopology {

  /** The name of the internal ordered (repartition) topic, before the application id prefix. */
  public static final String ORDERED = "ledger-ordered";

  private LedgerTopology() {}

  /** Adds the topology with persistent stores. */
  public static void build(StreamsBuilder builder, StreamConfig config) {
    build(builder, config, LedgerStores.persistent());
  }

  /** Adds the topology with the given stores (see {@link LedgerStores#builders}). */
  public static void build(
      StreamsBuilder builder, StreamConfig config, Iterable<StoreBuilder<?>> stores) {
    Serde<LedgerEvent> events = BinarySerde.of(LedgerEvent.class);
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
                                new org.apache.kafka.streams.KeyValue<>(
                                    outcome.key(), ((ReadOutcome.Unreadable) outcome).reject()),
                            Named.as("unreadable"))
                        .to(Topics.REJECTS, Produced.with(Serdes.String(), OutputSerdes.REJECT)),
                "unreadable"))
        .defaultBranch(
            Branched.withConsumer(
                readable ->
                    readable
                        .mapValues(
                            outcome -> ((ReadOutcome.Readable) outcome).event(),
                            Named.as("readable"))
                        .repartition(
                            Repartitioned.with(Serdes.String(), events)
                                .withName(ORDERED)
                                .withNumberOfPartitions(1))
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
                                        .to(
                                            Topics.LEDGER,
                                            Produced.with(Serdes.String(), OutputSerdes.LEDGER)),
                                "ledger"))
                        .branch(
                            (key, out) -> out instanceof AlertRecord,
                            Branched.withConsumer(
                                s ->
                                    s.mapValues(out -> (AlertRecord) out)
                                        .to(
                                            Topics.ALERTS,
                                            Produced.with(Serdes.String(), OutputSerdes.ALERT)),
                                "alerts"))
                        .branch(
                            (key, out) -> out instanceof AppliedRecord,
                            Branched.withConsumer(
                                s ->
                                    s.mapValues(out -> (AppliedRecord) out)
                                        .to(
                                            Topics.RECORDS,
                                            Produced.with(Serdes.String(), OutputSerdes.RECORD)),
                                "records"))
                        .defaultBranch(
                            Branched.withConsumer(
                                s ->
                                    s.mapValues(out -> (RejectRecord) out)
                                        .to(
                                            Topics.REJECTS,
                                            Produced.with(Serdes.String(), OutputSerdes.REJECT)),
                                "rejects")),
                "readable"));
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
