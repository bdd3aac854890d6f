package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The batch's chunk state for the contracts ({@link ChunkedDatabaseState}): a few migrated
 * databases used in turn as {@link DatabaseStateFixture} does, each read compared with {@link
 * InMemoryLedgerState} ({@link ComparingLedgerState}), inspection through the database.
 */
final class ChunkStateFixture implements StateFixture, AutoCloseable {

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

  private final DatabaseStateFixture databases;
  private final int chunkSize;

  ChunkStateFixture(Supplier<TestDatabase> database, int chunkSize) {
    this.databases = new DatabaseStateFixture(database);
    this.chunkSize = chunkSize;
  }

  @Override
  public StateUnderTest fresh() {
    TestDatabase database = databases.next();
    JdbcLedgerState db =
        new JdbcLedgerState(
            database.dataSource(), new LedgerWriter(database.dataSource()), Clock.systemUTC());
    return StateUnderTest.of(
        new ComparedChunks(new ChunkedDatabaseState(db, database.dataSource(), chunkSize)));
  }

  @Override
  public void close() {
    databases.close();
  }
}
