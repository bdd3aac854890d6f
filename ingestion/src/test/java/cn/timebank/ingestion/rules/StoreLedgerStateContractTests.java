package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.stream.TestStores;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The engine's scenario contracts, every one, run on the stream topology's {@link
 * cn.timebank.ingestion.stream.StoreLedgerState} (in-memory Kafka Streams stores, values through
 * their serdes), each read compared with {@link InMemoryLedgerState} ({@link
 * ComparingLedgerState}).
 */
class StoreLedgerStateContractTests {

  /** The stores, checked read by read against the reference; inspected through the reference. */
  static final class ComparedStores extends ComparingLedgerState {

    private final InMemoryLedgerState reference;

    ComparedStores(InMemoryLedgerState reference) {
      super(reference, TestStores.ledgerState());
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

  private static final StateFixture STORES =
      () -> StateUnderTest.of(new ComparedStores(new InMemoryLedgerState()));

  @Nested
  class ServiceRules extends ServiceRulesContract {
    @Override
    StateFixture fixture() {
      return STORES;
    }
  }

  @Nested
  class TransactionRules extends TransactionRulesContract {
    @Override
    StateFixture fixture() {
      return STORES;
    }
  }

  @Nested
  class TransferMatching extends TransferMatchingContract {
    @Override
    StateFixture fixture() {
      return STORES;
    }
  }

  @Nested
  class DailyCapAcrossBanks extends DailyCapAcrossBanksContract {
    @Override
    StateFixture fixture() {
      return STORES;
    }
  }

  @Nested
  class Corrections extends CorrectionContract {
    @Override
    StateFixture fixture() {
      return STORES;
    }
  }
}
