package cn.timebank.ingestion.rules;

import cn.timebank.ingestion.state.ChunkLedgerState;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch's {@link ChunkLedgerState} as a whole {@link LedgerState}: effects are kept by the
 * current chunk's state and written ({@link ChunkLedgerState#flush}, in a transaction) every {@code
 * chunkSize} applies and before every inspection; each new chunk first prefetches what the records
 * seen so far would read (participants, their balances and lines by position, the refs, postings
 * and cap rows of the services seen), so both the prefetched and the read-when-asked answers are
 * exercised. Inspection reads the database ({@link JdbcLedgerState}), so what the flush wrote is
 * what the scenarios check.
 */
final class ChunkedDatabaseState implements LedgerState {

  private final JdbcLedgerState db;
  private final TransactionTemplate transactions;
  private final int chunkSize;
  private final Map<BankCode, ChunkLedgerState.Reads> seen = new LinkedHashMap<>();
  private ChunkLedgerState chunk;
  private int applied;

  ChunkedDatabaseState(JdbcLedgerState db, DataSource dataSource, int chunkSize) {
    this.db = db;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.chunkSize = chunkSize;
    this.chunk = newChunk();
  }

  private ChunkLedgerState newChunk() {
    ChunkLedgerState state = db.forChunk();
    seen.values().forEach(state::prefetch);
    return state;
  }

  private void flush() {
    transactions.executeWithoutResult(status -> chunk.flush());
    chunk = newChunk();
  }

  private void remember(Effects effects) {
    for (Participant p : effects.participants()) {
      reads(p.bankCode()).participant(p.participantRef(), p.personKey());
    }
    for (CreditedService s : effects.credited()) {
      reads(s.id().bank())
          .service(
              s.id().ref(),
              s.providerRef(),
              s.funding().participantRef().orElse(s.providerRef()),
              true,
              s.start(),
              s.end().orElse(null));
    }
    for (UsedRef ref : effects.used()) {
      if (ref.id().kind() == RecordKind.TRANSACTION) {
        reads(ref.id().bank()).transaction(ref.id().ref(), "unknown");
      }
    }
  }

  private ChunkLedgerState.Reads reads(BankCode bank) {
    return seen.computeIfAbsent(bank, ChunkLedgerState.Reads::new);
  }

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return chunk.participant(bank, participantRef);
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return chunk.participantsOf(person);
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    return chunk.balance(bank, account);
  }

  @Override
  public StandardMinutes available(BankCode bank, Account account, RecordPosition at) {
    return chunk.available(bank, account, at);
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    return chunk.creditedOn(person, day);
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    return chunk.timedOverlapping(person, from, to);
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return chunk.credited(service);
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return chunk.used(id);
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return chunk.usedIn(bank, period);
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    return chunk.postingsOf(id);
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return chunk.firstPackage(bank);
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return chunk.transfersOf(person);
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return chunk.transfer(id);
  }

  @Override
  public void apply(Effects effects) {
    chunk.apply(effects);
    remember(effects);
    if (++applied % chunkSize == 0) {
      flush();
    }
  }

  // ---- inspection: what was written ----

  public List<Posting> postings() {
    flush();
    return db.postings();
  }

  public Map<BankCode, Map<Account, StandardMinutes>> balances() {
    flush();
    return db.balances();
  }

  public List<TransferItem> transfers() {
    flush();
    return db.transfers();
  }

  public List<CreditedService> creditedServices() {
    flush();
    return db.creditedServices();
  }
}
