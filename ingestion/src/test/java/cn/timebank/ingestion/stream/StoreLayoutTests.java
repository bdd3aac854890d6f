package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State of an earlier store layout is refused, not read as if nothing had been posted. */
class StoreLayoutTests {

  private KeyValueStore<String, RecordEntry> records;
  private KeyValueStore<String, Long> balances;

  @BeforeEach
  void stores() {
    MockProcessorContext<Object, Object> context = TestStores.context();
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
