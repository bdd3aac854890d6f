package cn.timebank.ingestion.stream;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A {@link StoreLedgerState} over in-memory Kafka Streams stores outside a topology (values go
 * through the stores' serdes as in the topology), for running the engine's scenario tests on it.
 */
public final class TestStores {

  private TestStores() {}

  public static StoreLedgerState ledgerState() {
    return ledgerState(StoreLedgerState.CACHED_VALUES);
  }

  /** With the given number of values kept deserialised per store (0: every read deserialises). */
  public static StoreLedgerState ledgerState(int cachedValues) {
    return new StoreLedgerState(LedgerStores.from(context()), cachedValues);
  }

  /** A processor context holding every ledger store, in memory, without logging or caching. */
  static MockProcessorContext<Object, Object> context() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-ledger-state-tests");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(properties);
    for (StoreBuilder<?> builder : LedgerStores.builders(Stores::inMemoryKeyValueStore)) {
      StateStore store = builder.withLoggingDisabled().withCachingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    return context;
  }
}
