package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.entry.LedgerWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Database states for the contract: a few migrated databases with the world's banks registered,
 * used in turn and emptied before each world (a scenario compares at most two worlds at once, so
 * three in turn keep every live world on a database of its own).
 */
final class DatabaseStateFixture implements StateFixture, AutoCloseable {

  private static final int IN_TURN = 3;

  private final List<TestDatabase> databases = new ArrayList<>();
  private int next;

  DatabaseStateFixture(Supplier<TestDatabase> database) {
    for (int i = 0; i < IN_TURN; i++) {
      databases.add(
          database
              .get()
              .migrated()
              .register(
                  List.of(
                      World.registry(World.A), World.registry(World.B), World.registry(World.C))));
    }
  }

  /** The next database in turn, emptied. */
  TestDatabase next() {
    TestDatabase database = databases.get(next++ % IN_TURN);
    database.empty();
    return database;
  }

  @Override
  public StateUnderTest fresh() {
    TestDatabase database = next();
    return StateUnderTest.of(
        new JdbcLedgerState(
            database.dataSource(), new LedgerWriter(database.dataSource()), Clock.systemUTC()));
  }

  @Override
  public void close() {
    databases.forEach(TestDatabase::close);
  }
}
