package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The batch's chunk state for the contracts ({@link ChunkedDatabaseState}): a few migrated
 * databases used in turn as {@link DatabaseStateFixture} does, each read compared with {@link
 * InMemoryLedgerState} ({@link ComparingLedgerState}), inspection through the database.
 */
final class ChunkStateFixture implements StateFixture, AutoCloseable {

  private static final int IN_TURN = 3;

  /** The chunk state, checked read by read against the reference; inspected in the database. */
  static final class ComparedChunks extends ComparingLedgerState {

    private final ChunkedDatabaseState chunks;

    ComparedChunks(ChunkedDatabaseState chunks) {
      super(new InMemoryLedgerState(), chunks);
      this.chunks = chunks;
    }

    public List<Posting> postings() {
      return chunks.postings();
    }

    public Map<BankCode, Map<Account, StandardMinutes>> balances() {
      return chunks.balances();
    }

    public List<TransferItem> transfers() {
      return chunks.transfers();
    }

    public List<CreditedService> creditedServices() {
      return chunks.creditedServices();
    }
  }

  private final List<TestDatabase> databases = new ArrayList<>();
  private final int chunkSize;
  private int next;

  ChunkStateFixture(Supplier<TestDatabase> database, int chunkSize) {
    this.chunkSize = chunkSize;
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

  @Override
  public StateUnderTest fresh() {
    TestDatabase database = databases.get(next++ % IN_TURN);
    database.empty();
    JdbcLedgerState db =
        new JdbcLedgerState(
            database.dataSource(), new LedgerWriter(database.dataSource()), Clock.systemUTC());
    return StateUnderTest.of(
        new ComparedChunks(new ChunkedDatabaseState(db, database.dataSource(), chunkSize)));
  }

  @Override
  public void close() {
    databases.forEach(TestDatabase::close);
  }
}
