package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.stream.TestStores;
import org.junit.jupiter.api.Nested;

/**
 * The engine's scenario tests, every one, run on the stream topology's {@link
 * cn.timebank.ingestion.stream.StoreLedgerState} (in-memory Kafka Streams stores, values through
 * their serdes), each read compared with {@link InMemoryLedgerState} ({@link
 * ComparingLedgerState}).
 */
class StoreLedgerStateContractTests {

  private static World onStores() {
    return new World(TestStores.ledgerState());
  }

  @Nested
  class Services extends ServiceRulesTests {
    @Override
    World newWorld() {
      return onStores();
    }
  }

  @Nested
  class Transactions extends TransactionRulesTests {
    @Override
    World newWorld() {
      return onStores();
    }
  }

  @Nested
  class Transfers extends TransferMatchingTests {
    @Override
    World newWorld() {
      return onStores();
    }
  }

  @Nested
  class DailyCapAcrossBanks extends DailyCapAcrossBanksTests {
    @Override
    World newWorld() {
      return onStores();
    }
  }

  @Nested
  class Corrections extends CorrectionTests {
    @Override
    World newWorld() {
      return onStores();
    }
  }
}
