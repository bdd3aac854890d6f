package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The engine's scenarios on the batch's chunk state ({@link
 * cn.timebank.ingestion.state.ChunkLedgerState}) with H2: every read compared with {@link
 * InMemoryLedgerState}, effects written every three records and when the whole package is one
 * chunk.
 */
class H2ChunkStateContractTests {

  private static ChunkStateFixture threes;
  private static ChunkStateFixture whole;

  @BeforeAll
  static void databases() {
    threes = new ChunkStateFixture(TestDatabase::h2, 3);
    whole = new ChunkStateFixture(TestDatabase::h2, Integer.MAX_VALUE);
  }

  @AfterAll
  static void close() {
    threes.close();
    whole.close();
  }

  @Nested
  class ThreeAtATimeServiceRules extends ServiceRulesContract {
    @Override
    StateFixture fixture() {
      return threes;
    }
  }

  @Nested
  class ThreeAtATimeTransactionRules extends TransactionRulesContract {
    @Override
    StateFixture fixture() {
      return threes;
    }
  }

  @Nested
  class ThreeAtATimeTransferMatching extends TransferMatchingContract {
    @Override
    StateFixture fixture() {
      return threes;
    }
  }

  @Nested
  class ThreeAtATimeDailyCapAcrossBanks extends DailyCapAcrossBanksContract {
    @Override
    StateFixture fixture() {
      return threes;
    }
  }

  @Nested
  class ThreeAtATimeCorrections extends CorrectionContract {
    @Override
    StateFixture fixture() {
      return threes;
    }
  }

  @Nested
  class OneChunkServiceRules extends ServiceRulesContract {
    @Override
    StateFixture fixture() {
      return whole;
    }
  }

  @Nested
  class OneChunkTransactionRules extends TransactionRulesContract {
    @Override
    StateFixture fixture() {
      return whole;
    }
  }

  @Nested
  class OneChunkTransferMatching extends TransferMatchingContract {
    @Override
    StateFixture fixture() {
      return whole;
    }
  }

  @Nested
  class OneChunkDailyCapAcrossBanks extends DailyCapAcrossBanksContract {
    @Override
    StateFixture fixture() {
      return whole;
    }
  }

  @Nested
  class OneChunkCorrections extends CorrectionContract {
    @Override
    StateFixture fixture() {
      return whole;
    }
  }
}
