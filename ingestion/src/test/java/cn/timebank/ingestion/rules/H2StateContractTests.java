package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The engine's scenarios on the database state, {@link JdbcLedgerState}, with H2. */
class H2StateContractTests {

  private static DatabaseStateFixture fixture;

  @BeforeAll
  static void databases() {
    fixture = new DatabaseStateFixture(TestDatabase::h2);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Nested
  class ServiceRules extends ServiceRulesContract {
    @Override
    StateFixture fixture() {
      return fixture;
    }
  }

  @Nested
  class TransactionRules extends TransactionRulesContract {
    @Override
    StateFixture fixture() {
      return fixture;
    }
  }

  @Nested
  class TransferMatching extends TransferMatchingContract {
    @Override
    StateFixture fixture() {
      return fixture;
    }
  }

  @Nested
  class DailyCapAcrossBanks extends DailyCapAcrossBanksContract {
    @Override
    StateFixture fixture() {
      return fixture;
    }
  }

  @Nested
  class Corrections extends CorrectionContract {
    @Override
    StateFixture fixture() {
      return fixture;
    }
  }
}
