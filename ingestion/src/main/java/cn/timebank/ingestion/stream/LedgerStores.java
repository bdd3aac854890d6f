package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.FirstPackage;
import cn.timebank.standards.model.Participant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;

/**
 * The state stores of the ledger processor: names, serdes (string keys of {@link StoreKeys}, values
 * in the binary form of {@link BinarySerde}) and builders. What belongs to one record (its
 * postings, daily-cap row, used ref and transfer item) is one value of {@link #RECORDS} ({@link
 * RecordEntry}). Persistent (RocksDB) in the topology, each backed by a compacted changelog; in
 * memory in tests ({@link #builders(Function)}). Cached: a key written several times between two
 * commits (a bank's {@code ISSUANCE} balance, a person's index rows) goes to its changelog once per
 * commit, not once per write.
 */
public final class LedgerStores {

  public static final String PARTICIPANTS = "tb-participants";
  public static final String RECORDS = "tb-records";
  public static final String BALANCES = "tb-balances";
  public static final String POSITION_AMOUNTS = "tb-position-amounts";
  public static final String FIRST_PACKAGES = "tb-first-packages";
  public static final String INDEX = "tb-index";
  public static final String EVENT_IDS = "tb-event-ids";

  /** Events that arrived while the state took in the database, in arrival order. */
  public static final String HELD = "tb-held-events";

  /** The stores with Kafka Streams' record cache (see above). */
  static final Set<String> CACHED = Set.of(BALANCES, PARTICIPANTS, FIRST_PACKAGES);

  /** Every store, in the order of {@link #builders}. */
  public static final List<String> NAMES =
      List.of(
          PARTICIPANTS,
          RECORDS,
          BALANCES,
          POSITION_AMOUNTS,
          FIRST_PACKAGES,
          INDEX,
          EVENT_IDS,
          HELD);

  static final Serde<Participant> PARTICIPANT = BinarySerde.of(Participant.class);
  static final Serde<RecordEntry> RECORD_ENTRY = BinarySerde.of(RecordEntry.class);
  static final Serde<FirstPackage> FIRST_PACKAGE = BinarySerde.of(FirstPackage.class);
  static final Serde<SeenEvent> SEEN_EVENT = BinarySerde.of(SeenEvent.class);
  static final Serde<LedgerEvent> LEDGER_EVENT = BinarySerde.of(LedgerEvent.class);

  private LedgerStores() {}

  /**
   * The row of {@link #INDEX} that says the state has taken in the database's package {@code
   * packageId} ({@code null}: the whole database, at the state's first start).
   */
  public static String takenIn(@Nullable String packageId) {
    return packageId == null ? StoreKeys.SEEDED : StoreKeys.seeded(packageId);
  }

  /** Persistent (RocksDB) stores, as the topology uses them. */
  public static List<StoreBuilder<?>> persistent() {
    return builders(Stores::persistentKeyValueStore);
  }

  /** The stores over the given suppliers (e.g. {@code Stores::inMemoryKeyValueStore}). */
  public static List<StoreBuilder<?>> builders(
      Function<String, KeyValueBytesStoreSupplier> supplier) {
    return List.of(
        builder(supplier, PARTICIPANTS, PARTICIPANT),
        builder(supplier, RECORDS, RECORD_ENTRY),
        builder(supplier, BALANCES, Serdes.Long()),
        builder(supplier, POSITION_AMOUNTS, Serdes.Long()),
        builder(supplier, FIRST_PACKAGES, FIRST_PACKAGE),
        builder(supplier, INDEX, Serdes.String()),
        builder(supplier, EVENT_IDS, SEEN_EVENT),
        builder(supplier, HELD, LEDGER_EVENT));
  }

  /** The ledger's stores of a processor's context. */
  static StoreLedgerState.Stores from(ProcessingContext context) {
    return new StoreLedgerState.Stores(
        context.getStateStore(PARTICIPANTS),
        context.getStateStore(RECORDS),
        context.getStateStore(BALANCES),
        context.getStateStore(POSITION_AMOUNTS),
        context.getStateStore(FIRST_PACKAGES),
        context.getStateStore(INDEX));
  }

  /**
   * Refuses state written by a version before {@link #RECORDS} (four per-record stores then): this
   * version keeps every posting in its record's entry, so balances without a single record entry
   * cannot be its own. Reading on would answer as if no record had been posted; the live path's
   * internal topics and local state must be reset once instead (ingestion/README, "Topology and
   * state").
   */
  static void requireCurrentLayout(
      KeyValueStore<String, ?> records, KeyValueStore<String, ?> balances) {
    if (isEmpty(records) && !isEmpty(balances)) {
      throw new IllegalStateException(
          "the live path's state stores hold balances but no "
              + RECORDS
              + " entry: they were written by an earlier version of the topology; reset the"
              + " application's internal topics and local state once (ingestion/README, Topology"
              + " and state)");
    }
  }

  private static boolean isEmpty(KeyValueStore<String, ?> store) {
    try (KeyValueIterator<String, ?> all = store.all()) {
      return !all.hasNext();
    }
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> builder(
      Function<String, KeyValueBytesStoreSupplier> supplier, String name, Serde<V> values) {
    StoreBuilder<KeyValueStore<String, V>> builder =
        Stores.keyValueStoreBuilder(supplier.apply(name), Serdes.String(), values);
    return CACHED.contains(name) ? builder.withCachingEnabled() : builder.withCachingDisabled();
  }
}
