package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State of an earlier store layout is refused, not read as if nothing had been posted. */
class StoreLayoutTests {

  private KeyValueStore<String, RecordEntry> records;
  private KeyValueStore<String, Long> balances;

  @BeforeEach
  void stores() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-layout-tests");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(properties);
    for (StoreBuilder<?> builder : LedgerStores.builders(Stores::inMemoryKeyValueStore)) {
      StateStore store = builder.withLoggingDisabled().withCachingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    records = context.getStateStore(LedgerStores.RECORDS);
    balances = context.getStateStore(LedgerStores.BALANCES);
  }

  @Test
  void emptyStateIsFine() {
    assertThatCode(() -> LedgerStores.requireCurrentLayout(records, balances))
        .doesNotThrowAnyException();
  }

  @Test
  void balancesWithRecordEntriesAreThisVersionsState() {
    balances.put(StoreKeys.join("310109-001", "ISSUANCE"), -90L);
    records.put(StoreKeys.join("310109-001", "S", "S1"), RecordEntry.EMPTY);

    assertThatCode(() -> LedgerStores.requireCurrentLayout(records, balances))
        .doesNotThrowAnyException();
  }

  @Test
  void balancesWithoutAnyRecordEntryAreAnEarlierVersionsState() {
    balances.put(StoreKeys.join("310109-001", "ISSUANCE"), -90L);

    assertThatThrownBy(() -> LedgerStores.requireCurrentLayout(records, balances))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("earlier version")
        .hasMessageContaining("reset");
  }
}
