package cn.timebank.app.bench;

import cn.timebank.ingestion.stream.EventTopic;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A lower bound for any ledger topology, not a ledger: it does per event the Kafka work that the
 * issue asks of the ledger — state stores with changelogs (exactly_once_v2 restores them after a
 * crash), the posted entries and an outcome on output topics — and none of the rules. No JSON is
 * read, no key is checked; the stores' keys are made from the record's key.
 *
 * <p>Per service or transaction event: the record's value stored under its ref (what the ledger
 * keeps per record: postings, cap row, used ref), its event id remembered (a re-sent event is a
 * no-op), the provider-day's credited minutes read and written (the daily cap), the provider's and
 * the bank's balances read and written (cached stores, as the ledger's balances are: a key written
 * several times between commits reaches its changelog once); two entries to the ledger topic and
 * one outcome. Per participant event: the participant stored and one outcome. Each store the issue
 * asks for (the participant registry, credited minutes per provider-day, balances) and the two a
 * re-sent event id and a used ref need is written once per event — fewer writes and outputs than
 * the ledger topology makes — so its rate is about the best a ledger topology that keeps this state
 * could reach on this broker.
 */
final class FloorTopology {

  static final String LEDGER = "bench.floor.ledger.v1";
  static final String OUTCOMES = "bench.floor.outcomes.v1";

  private static final String RECORDS = "floor-records";
  private static final String SEEN = "floor-seen";
  private static final String DAYS = "floor-days";
  private static final String BALANCES = "floor-balances";
  private static final String PARTICIPANTS = "floor-participants";

  /** Providers and days the keys are spread over (the benchmark's bank has N/10 participants). */
  private static final int PROVIDERS = 5_000;

  private static final int DAYS_IN_MONTH = 30;

  private FloorTopology() {}

  /**
   * Where the floor keeps its state: RocksDB as the ledger does, in memory (still with changelogs),
   * or nowhere (only the outputs: what the outputs alone cost).
   */
  enum Kept {
    ROCKSDB,
    MEMORY,
    /** The least state a ledger could keep: one record per event and its provider's row. */
    ONE_RECORD,
    /** Nothing kept, each input topic in a task of its own, as the pass-through's. */
    NONE,
    /**
     * Nothing kept, the three input topics in one task as the ledger's (they share a store that is
     * never written and has no changelog): the task layout without the state.
     */
    NONE_ONE_TASK
  }

  static void build(StreamsBuilder builder, Kept kept) {
    String[] stores = {};
    if (kept == Kept.NONE_ONE_TASK) {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore("floor-unused"), Serdes.String(), Serdes.ByteArray())
              .withLoggingDisabled());
      stores = new String[] {"floor-unused"};
    } else if (kept != Kept.NONE) {
      builder.addStateStore(store(RECORDS, false, kept));
      builder.addStateStore(store(SEEN, false, kept));
      builder.addStateStore(store(DAYS, false, kept));
      builder.addStateStore(store(BALANCES, true, kept));
      builder.addStateStore(store(PARTICIPANTS, true, kept));
      stores = new String[] {RECORDS, SEEN, DAYS, BALANCES, PARTICIPANTS};
    }
    for (EventTopic topic : EventTopic.values()) {
      builder.stream(topic.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
          .process(
              () -> new Floor(topic == EventTopic.PARTICIPANTS, kept),
              Named.as("floor-" + topic.name().toLowerCase()),
              stores)
          .to(
              (key, value, context) -> key.startsWith("L|") ? LEDGER : OUTCOMES,
              Produced.with(Serdes.String(), Serdes.ByteArray()));
    }
  }

  private static StoreBuilder<KeyValueStore<String, byte[]>> store(
      String name, boolean cached, Kept kept) {
    StoreBuilder<KeyValueStore<String, byte[]>> builder =
        Stores.keyValueStoreBuilder(
            kept == Kept.MEMORY
                ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name),
            Serdes.String(),
            Serdes.ByteArray());
    return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
  }

  private static final class Floor implements Processor<String, byte[], String, byte[]> {

    private final boolean participants;
    private final boolean keeps;
    private final boolean least;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> records;
    private KeyValueStore<String, byte[]> seen;
    private KeyValueStore<String, byte[]> days;
    private KeyValueStore<String, byte[]> balances;
    private KeyValueStore<String, byte[]> registered;

    Floor(boolean participants, Kept kept) {
      this.participants = participants;
      this.keeps = kept != Kept.NONE && kept != Kept.NONE_ONE_TASK;
      this.least = kept == Kept.ONE_RECORD;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      if (!keeps) {
        return;
      }
      this.records = context.getStateStore(RECORDS);
      this.seen = context.getStateStore(SEEN);
      this.days = context.getStateStore(DAYS);
      this.balances = context.getStateStore(BALANCES);
      this.registered = context.getStateStore(PARTICIPANTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      String key = record.key();
      if (!keeps) {
        if (!participants) {
          context.forward(record.withKey("L|" + key + "|1"));
          context.forward(record.withKey("L|" + key + "|2"));
        }
        context.forward(record.withKey("O|" + key));
        return;
      }
      if (participants) {
        registered.put(key, record.value());
        context.forward(record.withKey("O|" + key));
        return;
      }
      if (least) { // the event's record (its id, ref, postings) and its provider's row
        int spread = Math.floorMod(key.hashCode(), PROVIDERS);
        records.put(key, record.value());
        add(balances, "P" + spread, 60);
        context.forward(record.withKey("L|" + key + "|1"));
        context.forward(record.withKey("L|" + key + "|2"));
        context.forward(record.withKey("O|" + key));
        return;
      }
      if (seen.get(key) != null) {
        context.forward(record.withKey("O|" + key)); // a ref seen before: its outcome only
        return;
      }
      seen.put(key, new byte[] {1});
      records.put(key, record.value());
      int spread = Math.floorMod(key.hashCode(), PROVIDERS * DAYS_IN_MONTH);
      String provider = "P" + (spread % PROVIDERS);
      add(days, provider + "|" + spread / PROVIDERS, 60);
      add(balances, provider, 60);
      add(balances, "#ISSUANCE", -60);
      context.forward(record.withKey("L|" + key + "|1"));
      context.forward(record.withKey("L|" + key + "|2"));
      context.forward(record.withKey("O|" + key));
    }

    private static void add(KeyValueStore<String, byte[]> store, String key, long minutes) {
      byte[] before = store.get(key);
      long sum = (before == null ? 0 : ByteBuffer.wrap(before).getLong()) + minutes;
      store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(sum).array());
    }
  }
}
