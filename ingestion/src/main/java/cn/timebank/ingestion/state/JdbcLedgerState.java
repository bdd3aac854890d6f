package cn.timebank.ingestion.state;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.Available;
import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.FirstPackage;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordPosition;
import cn.timebank.ingestion.rules.TransferItem;
import cn.timebank.ingestion.rules.UsedRef;
import cn.timebank.ledger.balance.AccountBalance;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.ledger.entry.PostingResult;
import cn.timebank.ledger.store.CreditStore;
import cn.timebank.ledger.store.FirstPackageStore;
import cn.timebank.ledger.store.FirstPackageStore.FirstPackageRow;
import cn.timebank.ledger.store.ParticipantStore;
import cn.timebank.ledger.store.PositionAmount;
import cn.timebank.ledger.store.PostingIndex;
import cn.timebank.ledger.store.TouchedRecords;
import cn.timebank.ledger.store.TransferStore;
import cn.timebank.ledger.store.UsedRefStore;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link LedgerState} in the database, answering exactly as {@code InMemoryLedgerState} does
 * (the same scenario tests run against both). Participants live in {@code participants}, balances
 * are sums of {@code ledger_entries}, the engine's own memory in the V3 tables; postings go through
 * the ledger's {@link LedgerWriter} under the engine's idempotency key, so a posting applied twice
 * is stored once. {@link #apply} joins the caller's transaction (the batch's chunk), or runs in one
 * of its own.
 *
 * <p>Reads see what the current transaction has written, so the effects of one record are visible
 * to the next record of the same chunk.
 */
public final class JdbcLedgerState implements LedgerState {

  /** The source id of participant rows when no package or event id is known. */
  public static final String UNATTRIBUTED = "unattributed";

  private final JdbcTemplate template;
  private final JdbcClient jdbc;
  private final ParticipantStore participants;
  private final Balances balances;
  private final CreditStore credits;
  private final UsedRefStore used;
  private final PostingIndex postings;
  private final FirstPackageStore firstPackages;
  private final TransferStore transfers;
  private final TouchedRecords touched;
  private final LedgerWriter writer;
  private final PlatformTransactionManager transactionManager;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final String sourceId;
  private final boolean journal;

  public JdbcLedgerState(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      LedgerWriter writer,
      Clock clock) {
    this(new JdbcTemplate(dataSource), transactionManager, writer, clock, UNATTRIBUTED, true);
  }

  /** A state on its own data source transaction manager (tests, tools). */
  public JdbcLedgerState(DataSource dataSource, LedgerWriter writer, Clock clock) {
    this(dataSource, new DataSourceTransactionManager(dataSource), writer, clock);
  }

  private JdbcLedgerState(
      JdbcTemplate template,
      PlatformTransactionManager transactionManager,
      LedgerWriter writer,
      Clock clock,
      String sourceId,
      boolean journal) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    this.participants = new ParticipantStore(template);
    this.balances = new Balances(jdbc);
    this.credits = new CreditStore(template);
    this.used = new UsedRefStore(template);
    this.postings = new PostingIndex(template);
    this.firstPackages = new FirstPackageStore(jdbc);
    this.transfers = new TransferStore(template);
    this.touched = new TouchedRecords(template);
    this.writer = writer;
    this.transactionManager = transactionManager;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.sourceId = sourceId;
    this.journal = journal;
  }

  /**
   * The same state, naming {@code sourceId} (a package or event id) as the source of the
   * participant versions it stores.
   */
  public JdbcLedgerState forSource(String sourceId) {
    return new JdbcLedgerState(template, transactionManager, writer, clock, sourceId, true);
  }

  /**
   * The same state for a stream event's effects: like {@link #forSource}, but without rows in
   * {@code touched_records}, which only the live path's topology reads, and only for packages (it
   * made the events' effects itself).
   */
  public JdbcLedgerState forEvent(String eventId) {
    return new JdbcLedgerState(template, transactionManager, writer, clock, eventId, false);
  }

  /**
   * A state for one chunk of records on this one: reads come from the database as it was when the
   * chunk began (prefetched in a few queries, {@link ChunkLedgerState#prefetch}) overlaid with the
   * chunk's own effects; nothing is written until {@link ChunkLedgerState#flush}.
   */
  public ChunkLedgerState forChunk() {
    return new ChunkLedgerState(this);
  }

  // ---- for ChunkLedgerState ----

  ParticipantStore participantStore() {
    return participants;
  }

  Balances balanceStore() {
    return balances;
  }

  CreditStore creditStore() {
    return credits;
  }

  UsedRefStore usedRefStore() {
    return used;
  }

  PostingIndex postingIndex() {
    return postings;
  }

  FirstPackageStore firstPackageStore() {
    return firstPackages;
  }

  TransferStore transferStore() {
    return transfers;
  }

  TouchedRecords touchedRecords() {
    return touched;
  }

  LedgerWriter ledgerWriter() {
    return writer;
  }

  Clock clock() {
    return clock;
  }

  String sourceId() {
    return sourceId;
  }

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return participants.find(bank, participantRef);
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return participants.ofPerson(person);
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    return balances.of(bank.value(), StateRows.account(account));
  }

  @Override
  public StandardMinutes available(BankCode bank, Account account, RecordPosition at) {
    SortedMap<RecordPosition, Long> byPosition = new TreeMap<>();
    for (PositionAmount amount :
        postings.amountsByPosition(
            bank.value(),
            StateRows.account(account).kind(),
            account.participantRef().orElse(null))) {
      if (amount.minutes() != 0) {
        byPosition.merge(StateRows.position(amount.position()), amount.minutes(), Long::sum);
      }
    }
    return Available.at(byPosition, at);
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    return credits.onDay(person.value(), day).stream().map(StateRows::credited).toList();
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    return credits.overlapping(person.value(), from, to).stream().map(StateRows::credited).toList();
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return credits.find(service.bank().value(), service.ref()).map(StateRows::credited);
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return used.find(StateRows.key(id)).map(StateRows::used);
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return used.inMonth(bank.value(), period.toString()).stream().map(StateRows::used).toList();
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    return postings.ofSource(StateRows.key(id)).stream().map(StateRows::engine).toList();
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return firstPackages
        .find(bank.value())
        .map(row -> new FirstPackage(bank, Period.parse(row.month()), row.packageId()));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return transfers.ofPerson(person.value()).stream().map(StateRows::transfer).toList();
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return transfers.find(id.bank().value(), id.ref()).map(StateRows::transfer);
  }

  @Override
  public void apply(Effects effects) {
    transactions.executeWithoutResult(status -> store(effects));
  }

  private void store(Effects effects) {
    for (Participant participant : effects.participants()) {
      participants.save(participant, sourceId, clock.instant());
    }
    effects.uncredited().forEach(id -> credits.remove(id.bank().value(), id.ref()));
    effects.credited().forEach(row -> credits.save(StateRows.row(row)));
    effects.released().forEach(id -> used.remove(StateRows.key(id)));
    effects.used().forEach(ref -> used.save(StateRows.row(ref)));
    effects.transfersRemoved().forEach(id -> transfers.remove(id.bank().value(), id.ref()));
    effects.transfers().forEach(item -> transfers.save(StateRows.row(item)));
    post(effects.postings());
    if (journal) {
      touched.addAll(sourceId, effects.touchedRecords().stream().map(StateRows::key).toList());
    }
    effects
        .firstPackage()
        .ifPresent(
            first ->
                firstPackages.saveIfAbsent(
                    new FirstPackageRow(
                        first.bank().value(), first.period().toString(), first.packageId())));
  }

  /**
   * Posts what is not posted yet (the engine's key is the ledger's idempotency key: the writer
   * skips a key it holds) and indexes what the writer appended now.
   */
  private void post(List<Posting> engine) {
    if (engine.isEmpty()) {
      return;
    }
    java.time.Instant now = clock.instant();
    List<PostingResult> results =
        writer.post(engine.stream().map(p -> StateRows.ledger(p, now)).toList());
    for (int i = 0; i < engine.size(); i++) {
      if (results.get(i).applied() && !indexed(engine, i)) {
        postings.add(StateRows.indexed(engine.get(i)));
      }
    }
  }

  /** The same key earlier in the list (the writer applies it once and reports it twice). */
  private static boolean indexed(List<Posting> engine, int i) {
    String key = engine.get(i).idempotencyKey();
    return engine.subList(0, i).stream().anyMatch(p -> p.idempotencyKey().equals(key));
  }

  // ---- the whole state, for reports and tests (InMemoryLedgerState has the same) ----

  /** Every posting, per bank in chain order. */
  public List<Posting> postings() {
    return postings.all().stream().map(StateRows::engine).toList();
  }

  /** Every account that has lines, per bank, with its balance (zero balances included). */
  public Map<BankCode, Map<Account, StandardMinutes>> balances() {
    Map<BankCode, Map<Account, StandardMinutes>> all = new LinkedHashMap<>();
    for (String bank :
        jdbc.sql("select distinct bank_code from ledger_entries order by bank_code")
            .query(String.class)
            .list()) {
      Map<Account, StandardMinutes> accounts = new LinkedHashMap<>();
      for (AccountBalance balance : balances.ofBank(bank)) {
        accounts.put(
            StateRows.account(balance.account().kind().name(), balance.account().participantRef()),
            balance.balance());
      }
      all.put(BankCode.of(bank), accounts);
    }
    return all;
  }

  /** Every transfer item, open, matched or reversed. */
  public List<TransferItem> transfers() {
    return transfers.all().stream().map(StateRows::transfer).toList();
  }

  /** Every daily-cap row. */
  public List<CreditedService> creditedServices() {
    return new ArrayList<>(credits.all().stream().map(StateRows::credited).toList());
  }
}
