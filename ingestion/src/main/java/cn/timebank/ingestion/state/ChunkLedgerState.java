package cn.timebank.ingestion.state;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.Available;
import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.FirstPackage;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Line;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.RecordPosition;
import cn.timebank.ingestion.rules.TransferItem;
import cn.timebank.ingestion.rules.UsedRef;
import cn.timebank.ledger.entry.PostingResult;
import cn.timebank.ledger.store.CreditRow;
import cn.timebank.ledger.store.FirstPackageStore.FirstPackageRow;
import cn.timebank.ledger.store.IndexedPosting;
import cn.timebank.ledger.store.PositionAmount;
import cn.timebank.ledger.store.RecordKey;
import cn.timebank.ledger.store.TransferRow;
import cn.timebank.ledger.store.UsedRefRow;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link LedgerState} of one chunk of the batch's apply step, on a {@link JdbcLedgerState}: it
 * answers exactly as the database state would if every effect were written at once, but writes
 * nothing until {@link #flush}.
 *
 * <p>Reads are the database as it was when the chunk began (nothing of the chunk is written before
 * the flush, so that never changes during the chunk), each answer kept once read; {@link #prefetch}
 * reads what a chunk's records will ask for in a handful of {@code IN (…)} queries instead of
 * several queries per record. Over those answers lie the chunk's own effects, so each record sees
 * the records before it in the chunk. {@link #flush} writes the effects in the caller's transaction
 * as batches: the chunk stays atomic. One instance serves one chunk.
 */
public final class ChunkLedgerState implements LedgerState {

  private record ParticipantId(BankCode bank, String ref) {}

  private record AccountKey(BankCode bank, Account account) {}

  private record PersonDay(PersonKey person, LocalDate day) {}

  private record BankPeriod(BankCode bank, Period period) {}

  /** The cap rows of some persons known completely for some days and an interval (prefetched). */
  private record Window(
      Set<PersonKey> persons,
      LocalDate firstDay,
      LocalDate lastDay,
      LocalDateTime from,
      LocalDateTime to,
      Map<PersonKey, List<CreditedService>> rows) {

    boolean coversDay(PersonKey person, LocalDate day) {
      return persons.contains(person) && !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    boolean coversInterval(PersonKey person, LocalDateTime start, LocalDateTime end) {
      return persons.contains(person) && !start.isBefore(from) && !end.isAfter(to);
    }
  }

  private static final Comparator<CreditedService> CREDIT_ORDER =
      Comparator.comparing((CreditedService s) -> s.id().bank().value())
          .thenComparing(s -> s.id().ref());

  private final JdbcLedgerState db;

  // ---- the database when the chunk began, as far as read ----
  private final Map<ParticipantId, Optional<Participant>> participants = new HashMap<>();
  private final Map<PersonKey, List<Participant>> participantsOf = new HashMap<>();
  private final Map<AccountKey, StandardMinutes> balances = new HashMap<>();
  private final Map<AccountKey, Map<RecordPosition, Long>> amounts = new HashMap<>();
  private final Map<PersonDay, List<CreditedService>> creditedOn = new HashMap<>();
  private final Map<RecordId, Optional<CreditedService>> credited = new HashMap<>();
  private final Map<RecordId, Optional<UsedRef>> used = new HashMap<>();
  private final Map<BankPeriod, List<UsedRef>> usedIn = new HashMap<>();
  private final Map<RecordId, List<Posting>> postings = new HashMap<>();
  private final Map<BankCode, Optional<FirstPackage>> firstPackages = new HashMap<>();
  private final Map<PersonKey, List<TransferItem>> transfersOf = new HashMap<>();
  private final Map<RecordId, Optional<TransferItem>> transfers = new HashMap<>();
  private @Nullable Window window;

  // ---- the chunk's effects ----
  private final Map<ParticipantId, Participant> newParticipants = new LinkedHashMap<>();
  private final List<Posting> newPostings = new ArrayList<>();
  private final Set<String> newPostingKeys = new HashSet<>();
  private final Map<RecordId, List<Posting>> newPostingsBySource = new HashMap<>();
  private final Map<RecordId, Optional<CreditedService>> newCredited = new LinkedHashMap<>();
  private final Map<RecordId, Optional<UsedRef>> newUsed = new LinkedHashMap<>();
  private final Map<RecordId, Optional<TransferItem>> newTransfers = new LinkedHashMap<>();
  private final Map<BankCode, FirstPackage> newFirstPackages = new LinkedHashMap<>();
  private boolean flushed;

  // ---- indexes of the chunk's effects, so that a read does not scan all of them ----
  /** The sum of the chunk's new lines per account. */
  private final Map<AccountKey, Long> addedByAccount = new HashMap<>();

  /** The chunk's new lines per account, summed per position. */
  private final Map<AccountKey, Map<RecordPosition, Long>> addedByPosition = new HashMap<>();

  /** Per person, the ids of the changed cap rows that were that person's at some point. */
  private final Map<PersonKey, Set<RecordId>> changedOfPerson = new HashMap<>();

  /** The order in which cap rows were first changed ({@code newCredited}'s iteration order). */
  private final Map<RecordId, Integer> changeOrder = new HashMap<>();

  // ---- balances carried between chunks (prefetch with a carry) ----
  private @Nullable BalanceCarry carry;
  private @Nullable BankCode carryBank;
  private long versionBefore = -1;

  ChunkLedgerState(JdbcLedgerState db) {
    this.db = db;
  }

  /** What a chunk's records will read, gathered before they are applied. */
  public static final class Reads {

    private final BankCode bank;
    private final Set<String> participantRefs = new HashSet<>();
    private final Set<String> providerRefs = new HashSet<>();
    private final Set<String> accountRefs = new HashSet<>();
    private final Set<String> serviceRefs = new HashSet<>();
    private final Set<String> transactionRefs = new HashSet<>();
    private final Set<PersonKey> persons = new HashSet<>();
    private @Nullable LocalDateTime first;
    private @Nullable LocalDateTime last;

    public Reads(BankCode bank) {
      this.bank = bank;
    }

    /** A participant record of the chunk (its person's cap rows are read too). */
    public Reads participant(String ref, PersonKey person) {
      participantRefs.add(ref);
      persons.add(person);
      return this;
    }

    /**
     * A service of the chunk: its provider (and the provider's cap rows around {@code start} to
     * {@code end}), its recipient, whose time-ordered balance is read when {@code
     * recipientAccount}.
     */
    public Reads service(
        String ref,
        String providerRef,
        String recipientRef,
        boolean recipientAccount,
        LocalDateTime start,
        @Nullable LocalDateTime end) {
      serviceRefs.add(ref);
      participantRefs.add(providerRef);
      participantRefs.add(recipientRef);
      providerRefs.add(providerRef);
      if (recipientAccount) {
        accountRefs.add(recipientRef);
      }
      within(start);
      if (end != null) {
        within(end);
      }
      return this;
    }

    /** A transaction of the chunk and its participant. */
    public Reads transaction(String ref, String participantRef) {
      transactionRefs.add(ref);
      participantRefs.add(participantRef);
      accountRefs.add(participantRef);
      return this;
    }

    private void within(LocalDateTime at) {
      if (first == null || at.isBefore(first)) {
        first = at;
      }
      if (last == null || at.isAfter(last)) {
        last = at;
      }
    }
  }

  /**
   * Reads at once what {@code reads} names: participants, their balances and (for the accounts
   * named) their lines by position, the used refs and postings of the chunk's records, and the cap
   * rows of the providers' persons around the chunk's services (and those rows' postings). Only an
   * optimisation: what is not prefetched is read when asked.
   */
  public void prefetch(Reads reads) {
    prefetch(reads, null);
  }

  /**
   * {@link #prefetch(Reads)}, taking the participants' balances from {@code carry} where it holds
   * them at the bank's current ledger version, and handing this chunk's balances to it after the
   * chunk commits ({@link BalanceCarry}).
   */
  public void prefetch(Reads reads, @Nullable BalanceCarry carry) {
    open();
    BankCode bank = reads.bank;
    String code = bank.value();
    for (String ref : reads.participantRefs) {
      participants.put(new ParticipantId(bank, ref), Optional.empty());
    }
    for (Participant p : db.participantStore().findAll(bank, reads.participantRefs)) {
      participants.put(new ParticipantId(bank, p.participantRef()), Optional.of(p));
    }
    Set<String> unknown = reads.participantRefs;
    if (carry != null) {
      // the version first: balances read after it are at least as new
      versionBefore = db.balanceStore().version(code);
      this.carry = carry;
      this.carryBank = bank;
      Map<String, StandardMinutes> known = carry.at(bank, versionBefore, reads.participantRefs);
      known.forEach(
          (ref, balance) -> balances.put(new AccountKey(bank, Account.participant(ref)), balance));
      unknown = new HashSet<>(reads.participantRefs);
      unknown.removeAll(known.keySet());
    }
    Map<String, StandardMinutes> sums = db.balanceStore().ofParticipants(code, unknown);
    for (String ref : unknown) {
      balances.put(
          new AccountKey(bank, Account.participant(ref)),
          sums.getOrDefault(ref, StandardMinutes.ZERO));
    }
    Map<String, List<PositionAmount>> byRef =
        db.postingIndex().participantAmountsByPosition(code, reads.accountRefs);
    for (String ref : reads.accountRefs) {
      amounts.put(
          new AccountKey(bank, Account.participant(ref)),
          byPosition(byRef.getOrDefault(ref, List.of())));
    }
    prefetchUsed(bank, RecordKind.SERVICE, reads.serviceRefs);
    prefetchUsed(bank, RecordKind.TRANSACTION, reads.transactionRefs);
    for (String ref : reads.serviceRefs) {
      credited.put(RecordId.service(bank, ref), Optional.empty());
    }
    for (CreditRow row : db.creditStore().findAll(code, reads.serviceRefs)) {
      CreditedService service = StateRows.credited(row);
      credited.put(service.id(), Optional.of(service));
    }
    prefetchPostings(bank, RecordKind.SERVICE, reads.serviceRefs);
    prefetchPostings(bank, RecordKind.TRANSACTION, reads.transactionRefs);
    Set<PersonKey> persons = new HashSet<>(reads.persons);
    for (String ref : reads.providerRefs) {
      participants
          .get(new ParticipantId(bank, ref))
          .ifPresent(provider -> persons.add(provider.personKey()));
    }
    if (reads.first != null && reads.last != null && !persons.isEmpty()) {
      prefetchWindow(persons, reads.first, reads.last);
    }
  }

  private void prefetchUsed(BankCode bank, RecordKind kind, Set<String> refs) {
    for (String ref : refs) {
      used.put(new RecordId(bank, kind, ref), Optional.empty());
    }
    for (UsedRefRow row : db.usedRefStore().findAll(bank.value(), kind.name(), refs)) {
      UsedRef ref = StateRows.used(row);
      used.put(ref.id(), Optional.of(ref));
    }
  }

  private void prefetchPostings(BankCode bank, RecordKind kind, Set<String> refs) {
    Set<String> unknown = new HashSet<>();
    for (String ref : refs) {
      if (!postings.containsKey(new RecordId(bank, kind, ref))) {
        unknown.add(ref);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    Map<RecordKey, List<IndexedPosting>> found =
        db.postingIndex().ofSources(bank.value(), kind.name(), unknown);
    for (String ref : unknown) {
      RecordId id = new RecordId(bank, kind, ref);
      postings.put(
          id,
          found.getOrDefault(StateRows.key(id), List.of()).stream()
              .map(StateRows::engine)
              .toList());
    }
  }

  private void prefetchWindow(Set<PersonKey> persons, LocalDateTime from, LocalDateTime to) {
    LocalDate firstDay = from.toLocalDate();
    LocalDate lastDay = to.toLocalDate();
    Map<PersonKey, List<CreditedService>> rows = new HashMap<>();
    Map<BankCode, Set<String>> services = new HashMap<>();
    for (CreditRow row :
        db.creditStore()
            .ofPersons(
                persons.stream().map(PersonKey::value).toList(), firstDay, lastDay, from, to)) {
      CreditedService service = StateRows.credited(row);
      rows.computeIfAbsent(service.person(), p -> new ArrayList<>()).add(service);
      credited.put(service.id(), Optional.of(service));
      services.computeIfAbsent(service.id().bank(), b -> new HashSet<>()).add(service.id().ref());
    }
    rows.values().forEach(list -> list.sort(CREDIT_ORDER));
    window = new Window(Set.copyOf(persons), firstDay, lastDay, from, to, rows);
    services.forEach((bank, refs) -> prefetchPostings(bank, RecordKind.SERVICE, refs));
  }

  private static Map<RecordPosition, Long> byPosition(List<PositionAmount> amounts) {
    Map<RecordPosition, Long> byPosition = new HashMap<>();
    for (PositionAmount amount : amounts) {
      if (amount.minutes() != 0) {
        byPosition.merge(StateRows.position(amount.position()), amount.minutes(), Long::sum);
      }
    }
    return byPosition;
  }

  // ---- reads: the database when the chunk began, overlaid with the chunk's effects ----

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    open();
    ParticipantId id = new ParticipantId(bank, participantRef);
    Participant changed = newParticipants.get(id);
    if (changed != null) {
      return Optional.of(changed);
    }
    return participants.computeIfAbsent(id, k -> db.participant(bank, participantRef));
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    open();
    Map<ParticipantId, Participant> all = new LinkedHashMap<>();
    for (Participant p : participantsOf.computeIfAbsent(person, db::participantsOf)) {
      all.put(new ParticipantId(p.bankCode(), p.participantRef()), p);
    }
    newParticipants.forEach(
        (id, p) -> {
          all.remove(id);
          if (p.personKey().equals(person)) {
            all.put(id, p);
          }
        });
    return List.copyOf(all.values());
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    open();
    AccountKey key = new AccountKey(bank, account);
    StandardMinutes stored = balances.computeIfAbsent(key, k -> db.balance(bank, account));
    return stored.plus(StandardMinutes.of(addedByAccount.getOrDefault(key, 0L)));
  }

  @Override
  public StandardMinutes available(BankCode bank, Account account, RecordPosition at) {
    open();
    AccountKey key = new AccountKey(bank, account);
    Map<RecordPosition, Long> stored = amounts.get(key);
    if (stored == null) {
      stored =
          byPosition(
              db.postingIndex()
                  .amountsByPosition(
                      bank.value(),
                      StateRows.account(account).kind(),
                      account.participantRef().orElse(null)));
      amounts.put(key, stored);
    }
    SortedMap<RecordPosition, Long> byPosition = new TreeMap<>(stored);
    addedByPosition
        .getOrDefault(key, Map.of())
        .forEach((position, amount) -> byPosition.merge(position, amount, Long::sum));
    return Available.at(byPosition, at);
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    open();
    List<CreditedService> stored =
        creditedOn.computeIfAbsent(
            new PersonDay(person, day),
            k -> {
              Window w = window;
              if (w != null && w.coversDay(person, day)) {
                return w.rows().getOrDefault(person, List.of()).stream()
                    .filter(s -> s.day().equals(day))
                    .toList();
              }
              return db.creditedOn(person, day);
            });
    return overlay(
        stored, person, s -> !s.reversed() && s.person().equals(person) && s.day().equals(day));
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    open();
    Window w = window;
    List<CreditedService> stored =
        w != null && w.coversInterval(person, from, to)
            ? w.rows().getOrDefault(person, List.of()).stream()
                .filter(s -> s.end().isPresent())
                .filter(s -> s.start().isBefore(to) && s.end().get().isAfter(from))
                .toList()
            : db.timedOverlapping(person, from, to);
    return overlay(
        stored,
        person,
        s ->
            !s.reversed()
                && s.person().equals(person)
                && s.end().isPresent()
                && s.start().isBefore(to)
                && s.end().get().isAfter(from));
  }

  /**
   * Stored cap rows of a person with the chunk's changes: a changed row replaces or removes the
   * stored one; the stored rows keep their order, the changed rows that are {@code wanted} follow
   * in the order they were first changed.
   */
  private List<CreditedService> overlay(
      List<CreditedService> stored, PersonKey person, Predicate<CreditedService> wanted) {
    if (newCredited.isEmpty()) {
      return stored;
    }
    Map<RecordId, CreditedService> rows = new LinkedHashMap<>();
    stored.forEach(row -> rows.put(row.id(), row));
    rows.keySet().removeIf(newCredited::containsKey);
    Set<RecordId> changed = changedOfPerson.get(person);
    if (changed != null) {
      List<RecordId> ids = new ArrayList<>(changed);
      ids.sort(Comparator.comparing(changeOrder::get));
      for (RecordId id : ids) {
        newCredited.get(id).filter(wanted).ifPresent(r -> rows.put(id, r));
      }
    }
    return List.copyOf(rows.values());
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    open();
    return newCredited.containsKey(service)
        ? newCredited.get(service)
        : credited.computeIfAbsent(service, db::credited);
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    open();
    return newUsed.containsKey(id) ? newUsed.get(id) : used.computeIfAbsent(id, db::used);
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    open();
    Map<RecordId, UsedRef> refs = new LinkedHashMap<>();
    usedIn
        .computeIfAbsent(new BankPeriod(bank, period), k -> db.usedIn(bank, period))
        .forEach(ref -> refs.put(ref.id(), ref));
    newUsed.forEach(
        (id, ref) -> {
          refs.remove(id);
          ref.filter(u -> u.id().bank().equals(bank) && u.period().equals(period))
              .ifPresent(u -> refs.put(id, u));
        });
    return List.copyOf(refs.values());
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    open();
    List<Posting> stored = storedPostingsOf(id);
    List<Posting> added = newPostingsBySource.get(id);
    if (added == null) {
      return stored;
    }
    List<Posting> all = new ArrayList<>(stored);
    all.addAll(added);
    return all;
  }

  private List<Posting> storedPostingsOf(RecordId id) {
    return postings.computeIfAbsent(id, db::postingsOf);
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    open();
    Optional<FirstPackage> stored = firstPackages.computeIfAbsent(bank, db::firstPackage);
    return stored.isPresent() ? stored : Optional.ofNullable(newFirstPackages.get(bank));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    open();
    Map<RecordId, TransferItem> items = new LinkedHashMap<>();
    transfersOf
        .computeIfAbsent(person, db::transfersOf)
        .forEach(item -> items.put(item.id(), item));
    newTransfers.forEach(
        (id, item) -> {
          items.remove(id);
          item.filter(i -> i.person().equals(person)).ifPresent(i -> items.put(id, i));
        });
    return List.copyOf(items.values());
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    open();
    return newTransfers.containsKey(id)
        ? newTransfers.get(id)
        : transfers.computeIfAbsent(id, db::transfer);
  }

  // ---- the chunk's effects ----

  /** Keeps the effects for {@link #flush}; the reads after this call see them. */
  @Override
  public void apply(Effects effects) {
    open();
    for (Participant participant : effects.participants()) {
      newParticipants.put(
          new ParticipantId(participant.bankCode(), participant.participantRef()), participant);
    }
    effects.uncredited().forEach(id -> changeCredited(id, Optional.empty()));
    effects.credited().forEach(row -> changeCredited(row.id(), Optional.of(row)));
    effects.released().forEach(id -> newUsed.put(id, Optional.empty()));
    effects.used().forEach(ref -> newUsed.put(ref.id(), Optional.of(ref)));
    effects.transfersRemoved().forEach(id -> newTransfers.put(id, Optional.empty()));
    effects.transfers().forEach(item -> newTransfers.put(item.id(), Optional.of(item)));
    for (Posting posting : effects.postings()) {
      // the ledger keeps a key once: a posting whose key is stored or pending changes nothing
      String key = posting.idempotencyKey();
      if (newPostingKeys.contains(key)
          || storedPostingsOf(posting.source()).stream()
              .anyMatch(p -> p.idempotencyKey().equals(key))) {
        continue;
      }
      newPostingKeys.add(key);
      newPostings.add(posting);
      for (Line line : posting.lines()) {
        AccountKey account = new AccountKey(posting.bankCode(), line.account());
        long amount = line.amount().value();
        addedByAccount.merge(account, amount, Long::sum);
        addedByPosition
            .computeIfAbsent(account, k -> new HashMap<>())
            .merge(posting.position(), amount, Long::sum);
      }
      newPostingsBySource.computeIfAbsent(posting.source(), id -> new ArrayList<>()).add(posting);
    }
    effects.firstPackage().ifPresent(first -> newFirstPackages.putIfAbsent(first.bank(), first));
  }

  private void changeCredited(RecordId id, Optional<CreditedService> row) {
    newCredited.put(id, row);
    changeOrder.putIfAbsent(id, changeOrder.size());
    row.ifPresent(r -> changedOfPerson.computeIfAbsent(r.person(), p -> new HashSet<>()).add(id));
  }

  /**
   * Writes the chunk's effects in the caller's transaction, as {@link JdbcLedgerState#apply} would
   * have written them one call after the other: participants, cap rows, used refs, transfer items
   * (each removed and inserted as batches), postings through the ledger writer in one call (COPY on
   * PostgreSQL) and their index, the bank's first package. The state is spent afterwards.
   */
  public void flush() {
    open();
    flushed = true;
    Instant now = db.clock().instant();
    // a key absent when the chunk began has nothing to remove: no delete is sent for it
    List<String[]> participantKeys = new ArrayList<>();
    newParticipants.forEach(
        (id, p) -> {
          if (mayExist(participants, id)) {
            participantKeys.add(new String[] {id.bank().value(), id.ref()});
          }
        });
    db.participantStore().removeAll(participantKeys);
    db.participantStore().insertAll(List.copyOf(newParticipants.values()), db.sourceId(), now);
    List<String[]> creditKeys = new ArrayList<>();
    List<CreditRow> creditRows = new ArrayList<>();
    newCredited.forEach(
        (id, row) -> {
          if (mayExist(credited, id)) {
            creditKeys.add(new String[] {id.bank().value(), id.ref()});
          }
          row.ifPresent(r -> creditRows.add(StateRows.row(r)));
        });
    db.creditStore().removeAll(creditKeys);
    db.creditStore().insertAll(creditRows);
    List<RecordKey> usedKeys = new ArrayList<>();
    List<UsedRefRow> usedRows = new ArrayList<>();
    newUsed.forEach(
        (id, ref) -> {
          if (mayExist(used, id)) {
            usedKeys.add(StateRows.key(id));
          }
          ref.ifPresent(r -> usedRows.add(StateRows.row(r)));
        });
    db.usedRefStore().removeAll(usedKeys);
    db.usedRefStore().insertAll(usedRows);
    List<String[]> transferKeys = new ArrayList<>();
    List<TransferRow> transferRows = new ArrayList<>();
    newTransfers.forEach(
        (id, item) -> {
          if (mayExist(transfers, id)) {
            transferKeys.add(new String[] {id.bank().value(), id.ref()});
          }
          item.ifPresent(i -> transferRows.add(StateRows.row(i)));
        });
    db.transferStore().removeAll(transferKeys);
    db.transferStore().insertAll(transferRows);
    long appended = 0;
    if (!newPostings.isEmpty()) {
      List<PostingResult> results =
          db.ledgerWriter().post(newPostings.stream().map(p -> StateRows.ledger(p, now)).toList());
      List<IndexedPosting> indexed = new ArrayList<>();
      for (int i = 0; i < newPostings.size(); i++) {
        if (results.get(i).applied()) {
          Posting posting = newPostings.get(i);
          indexed.add(StateRows.indexed(posting));
          if (posting.bankCode().equals(carryBank)) {
            appended += posting.lines().size();
          }
        }
      }
      db.postingIndex().addAll(indexed);
    }
    handOverBalances(appended);
    java.util.Set<RecordKey> touched = new java.util.LinkedHashSet<>();
    newCredited.keySet().forEach(id -> touched.add(StateRows.key(id)));
    newUsed.keySet().forEach(id -> touched.add(StateRows.key(id)));
    newTransfers.keySet().forEach(id -> touched.add(StateRows.key(id)));
    newPostings.forEach(p -> touched.add(StateRows.key(p.source())));
    db.touchedRecords().addAll(db.sourceId(), touched);
    newFirstPackages
        .values()
        .forEach(
            first ->
                db.firstPackageStore()
                    .saveIfAbsent(
                        new FirstPackageRow(
                            first.bank().value(), first.period().toString(), first.packageId())));
  }

  /**
   * Gives the carry this chunk's participant balances of the bank (as stored plus the chunk's
   * lines) once the transaction commits — provided the bank's ledger moved during the chunk by
   * exactly the entries this chunk appended (the writer holds the bank's chain until the commit);
   * otherwise, or on a rollback, the carry is emptied.
   */
  private void handOverBalances(long appended) {
    BalanceCarry target = carry;
    BankCode bank = carryBank;
    if (target == null || bank == null) {
      return;
    }
    long versionAfter = db.balanceStore().version(bank.value());
    if (versionAfter != versionBefore + appended
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      target.clear();
      return;
    }
    Map<String, StandardMinutes> changed = new HashMap<>();
    balances.forEach(
        (key, stored) -> {
          if (key.bank().equals(bank)) {
            key.account()
                .participantRef()
                .ifPresent(
                    ref ->
                        changed.put(
                            ref,
                            stored.plus(StandardMinutes.of(addedByAccount.getOrDefault(key, 0L)))));
          }
        });
    Set<String> stale = new HashSet<>();
    addedByAccount.keySet().stream()
        .filter(key -> key.bank().equals(bank) && !balances.containsKey(key))
        .forEach(key -> key.account().participantRef().ifPresent(stale::add));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              target.committed(bank, versionAfter, changed, stale);
            } else {
              target.clear();
            }
          }
        });
  }

  /** Whether the key may have a row: unless it was read as absent when the chunk began. */
  private static <K, V> boolean mayExist(Map<K, Optional<V>> stored, K key) {
    Optional<V> row = stored.get(key);
    return row == null || row.isPresent();
  }

  private void open() {
    if (flushed) {
      throw new IllegalStateException("this chunk's state was flushed: take a new one");
    }
  }
}
