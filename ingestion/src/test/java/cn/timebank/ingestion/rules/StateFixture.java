package cn.timebank.ingestion.rules;

/** Where the states of a contract run come from: each call gives an empty state. */
@FunctionalInterface
interface StateFixture {

  StateUnderTest fresh();

  /** A new {@link InMemoryLedgerState} each time. */
  StateFixture IN_MEMORY = () -> StateUnderTest.of(new InMemoryLedgerState());
}
