package cn.timebank.ingestion.rules;

import org.junit.jupiter.api.Nested;

/** The engine's scenarios on the reference state, {@link InMemoryLedgerState}. */
class InMemoryStateContractTests {

  @Nested
  class ServiceRules extends ServiceRulesContract {
    @Override
    StateFixture fixture() {
      return StateFixture.IN_MEMORY;
    }
  }

  @Nested
  class TransactionRules extends TransactionRulesContract {
    @Override
    StateFixture fixture() {
      return StateFixture.IN_MEMORY;
    }
  }

  @Nested
  class TransferMatching extends TransferMatchingContract {
    @Override
    StateFixture fixture() {
      return StateFixture.IN_MEMORY;
    }
  }

  @Nested
  class DailyCapAcrossBanks extends DailyCapAcrossBanksContract {
    @Override
    StateFixture fixture() {
      return StateFixture.IN_MEMORY;
    }
  }

  @Nested
  class Corrections extends CorrectionContract {
    @Override
    StateFixture fixture() {
      return StateFixture.IN_MEMORY;
    }
  }
}
