package cn.timebank.ingestion.rules;

/**
 * The base of the engine's scenario tests, which are a contract every {@link LedgerState} must
 * keep: they run on {@link InMemoryLedgerState} ({@code InMemoryStateContractTests}), on the
 * database state with H2 ({@code H2StateContractTests}) and with PostgreSQL ({@code
 * PostgresStateContractIntegrationTests}).
 */
abstract class StateContract {

  /** Where this run's states come from. */
  abstract StateFixture fixture();

  /** A world on an empty state. */
  World newWorld() {
    return new World(fixture().fresh());
  }
}
