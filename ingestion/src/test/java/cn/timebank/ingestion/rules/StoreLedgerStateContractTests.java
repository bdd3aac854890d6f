package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.stream.StoreLedgerState;
import cn.timebank.ingestion.stream.TestStores;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The engine's scenario contracts, every one, run on the stream topology's {@link
 * cn.timebank.ingestion.stream.StoreLedgerState} (in-memory Kafka Streams stores, values through
 * their serdes), each read compared with {@link InMemoryLedgerState} ({@link ComparingLedgerState})
 * — with its value caches as the topology has them; {@link UncachedStoreLedgerStateContractTests}:
 * without, every read through the serdes.
 */
class StoreLedgerStateContractTests {

  /** Values kept deserialised per store. */
  int cachedValues() {
    return StoreLedgerState.CACHED_VALUES;
  }

  /** The stores, checked read by read against the reference; inspected through the reference. */
  static final class ComparedStores extends ComparingLedgerState {

    private final InMemoryLedgerState reference;

    ComparedStores(InMemoryLedgerState reference, int cachedValues) {
      super(reference, TestStores.ledgerState(cachedValues));
      this.reference = reference;
    }

    public List<Posting> postings() {
      return reference.postings();
    }

    public Map<BankCode, Map<Account, StandardMinutes>> balances() {
      return reference.balances();
    }

    public List<TransferItem> transfers() {
      return reference.transfers();
    }

    public List<CreditedService> creditedServices() {
      return reference.creditedServices();
    }
  }

  private StateFixture stores() {
    int cachedValues = cachedValues();
    return () -> StateUnderTest.of(new ComparedStores(new InMemoryLedgerState(), cachedValues));
  }

  @Nested
  class ServiceRules extends ServiceRulesContract {
    @Override
    StateFixture fixture() {
      return stores();
    }
  }

  @Nested
  class TransactionRules extends TransactionRulesContract {
    @Override
    StateFixture fixture() {
      return stores();
    }
  }

  @Nested
  class TransferMatching extends TransferMatchingContract {
    @Override
    StateFixture fixture() {
      return stores();
    }
  }

  @Nested
  class DailyCapAcrossBanks extends DailyCapAcrossBanksContract {
    @Override
    StateFixture fixture() {
      return stores();
    }
  }

  @Nested
  class Corrections extends CorrectionContract {
    @Override
    StateFixture fixture() {
      return stores();
    }
  }
}
