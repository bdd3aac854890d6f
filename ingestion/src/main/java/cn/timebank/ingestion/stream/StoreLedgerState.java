package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.Available;
import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.FirstPackage;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Line;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordPosition;
import cn.timebank.ingestion.rules.TransferItem;
import cn.timebank.ingestion.rules.UsedRef;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The {@link LedgerState} of the stream topology, in Kafka Streams key-value stores ({@link
 * LedgerStores}); gives the engine the same answers as {@link
 * cn.timebank.ingestion.rules.InMemoryLedgerState} (the engine's scenario tests run against both).
 *
 * <p>Primary stores by {@link StoreKeys}; one index store for the questions asked by person or
 * period ({@code P␟person␟participant}, {@code C␟person␟start␟service}, {@code T␟person␟transfer},
 * {@code U␟bank␟period␟record}), kept in step on every write. Balances are kept as running sums per
 * account and per account and position, so {@link #available} scans only the positions from {@code
 * at} on. Like the in-memory state, not thread-safe: one processor task drives it.
 */
public final class StoreLedgerState implements LedgerState {

  /** The stores behind the state. */
  public record Stores(
      KeyValueStore<String, Participant> participants,
      KeyValueStore<String, RecordEntry> records,
      KeyValueStore<String, Long> balances,
      KeyValueStore<String, Long> positionAmounts,
      KeyValueStore<String, FirstPackage> firstPackages,
      KeyValueStore<String, String> index) {

    public Stores {
      Objects.requireNonNull(participants, "participants");
      Objects.requireNonNull(records, "records");
      Objects.requireNonNull(balances, "balances");
      Objects.requireNonNull(positionAmounts, "positionAmounts");
      Objects.requireNonNull(firstPackages, "firstPackages");
      Objects.requireNonNull(index, "index");
    }
  }

  /** Values kept deserialised per primary store by default (the most recently used). */
  public static final int CACHED_VALUES = 20_000;

  private static final StringSerializer KEYS = new StringSerializer();

  private final Stores stores;
  private final ValueCache<Participant> participants;
  private final ValueCache<RecordEntry> records;
  private final ValueCache<Long> balances;
  private final ValueCache<FirstPackage> firstPackages;

  public StoreLedgerState(Stores stores) {
    this(stores, CACHED_VALUES);
  }

  /**
   * @param cachedValues values kept deserialised per primary store; 0: every read goes to the store
   */
  public StoreLedgerState(Stores stores, int cachedValues) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.participants = new ValueCache<>(stores.participants(), cachedValues);
    this.records = new ValueCache<>(stores.records(), cachedValues);
    this.balances = new ValueCache<>(stores.balances(), cachedValues);
    this.firstPackages = new ValueCache<>(stores.firstPackages(), cachedValues);
  }

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return Optional.ofNullable(participants.get(StoreKeys.participant(bank, participantRef)));
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return indexed(StoreKeys.participantsOf(person), participants::get);
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    Long sum = balances.get(StoreKeys.account(bank, account));
    return StandardMinutes.of(sum == null ? 0 : sum);
  }

  @Override
  public StandardMinutes available(BankCode bank, Account account, RecordPosition at) {
    String prefix = StoreKeys.account(bank, account) + StoreKeys.SEP;
    List<Long> tail = new ArrayList<>();
    try (KeyValueIterator<String, Long> it =
        stores.positionAmounts().range(prefix + StoreKeys.position(at), prefix + StoreKeys.END)) {
      it.forEachRemaining(entry -> tail.add(entry.value));
    }
    long before = balance(bank, account).value() - tail.stream().mapToLong(Long::longValue).sum();
    return Available.lowest(before, tail);
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    String dayPrefix =
        StoreKeys.creditedOf(person) + StoreKeys.time(day.atStartOfDay()).substring(0, 10);
    return indexed(dayPrefix, this::creditedRow).stream().filter(s -> !s.reversed()).toList();
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    // Only rows ending after `from` can meet [from, to): the end index is in end order. The answer
    // in start order, as the start index (C) gives it.
    String prefix = StoreKeys.endedOf(person);
    List<CreditedService> rows = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        stores.index().range(prefix + StoreKeys.time(from), prefix + StoreKeys.END)) {
      it.forEachRemaining(entry -> rows.add(creditedRow(entry.value)));
    }
    return rows.stream()
        .filter(s -> !s.reversed() && s.end().isPresent())
        .filter(s -> s.start().isBefore(to) && s.end().get().isAfter(from))
        .sorted(Comparator.comparing(StoreLedgerState::startIndex))
        .toList();
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return Optional.ofNullable(creditedRow(StoreKeys.record(service)));
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return Optional.ofNullable(entry(StoreKeys.record(id)).used());
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return indexed(StoreKeys.usedIn(bank, period), key -> entry(key).used());
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    return entry(StoreKeys.record(id)).postings();
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return Optional.ofNullable(firstPackages.get(bank.value()));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return indexed(StoreKeys.transfersOf(person), key -> entry(key).transfer());
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return Optional.ofNullable(entry(StoreKeys.record(id)).transfer());
  }

  /** The record's entry, {@link RecordEntry#EMPTY} when the state holds nothing of it. */
  private RecordEntry entry(String recordKey) {
    RecordEntry entry = records.get(recordKey);
    return entry == null ? RecordEntry.EMPTY : entry;
  }

  private @Nullable CreditedService creditedRow(String recordKey) {
    return entry(recordKey).credited();
  }

  /**
   * The effects as {@link cn.timebank.ingestion.rules.InMemoryLedgerState} applies them, in the
   * same order (removals before the upserts of their kind, then the postings), on each touched
   * record's entry in memory; then each touched entry is written once, and the index rows of what
   * it held before and holds now are brought in step (rows that stay are not rewritten).
   */
  @Override
  public void apply(Effects effects) {
    effects.participants().forEach(this::putParticipant);
    Map<String, RecordEntry> before = new LinkedHashMap<>();
    Map<String, RecordEntry> after = new LinkedHashMap<>();
    Function<RecordId, String> touch =
        id -> {
          String key = StoreKeys.record(id);
          if (!after.containsKey(key)) {
            RecordEntry stored = entry(key);
            before.put(key, stored);
            after.put(key, stored);
          }
          return key;
        };
    effects
        .uncredited()
        .forEach(id -> after.compute(touch.apply(id), (k, e) -> e.withCredited(null)));
    effects
        .credited()
        .forEach(row -> after.compute(touch.apply(row.id()), (k, e) -> e.withCredited(row)));
    effects.released().forEach(id -> after.compute(touch.apply(id), (k, e) -> e.withUsed(null)));
    effects.used().forEach(ref -> after.compute(touch.apply(ref.id()), (k, e) -> e.withUsed(ref)));
    effects
        .transfersRemoved()
        .forEach(id -> after.compute(touch.apply(id), (k, e) -> e.withTransfer(null)));
    effects
        .transfers()
        .forEach(item -> after.compute(touch.apply(item.id()), (k, e) -> e.withTransfer(item)));
    for (Posting posting : effects.postings()) {
      String key = touch.apply(posting.source());
      RecordEntry entry = after.get(key);
      if (entry.postings().stream()
          .anyMatch(p -> p.idempotencyKey().equals(posting.idempotencyKey()))) {
        continue;
      }
      List<Posting> list = new ArrayList<>(entry.postings().size() + 1);
      list.addAll(entry.postings());
      list.add(posting);
      after.put(key, entry.withPostings(list));
      addToBalances(posting);
    }
    after.forEach((key, entry) -> write(key, before.get(key), entry));
    effects
        .firstPackage()
        .ifPresent(
            first -> {
              if (firstPackages.get(first.bank().value()) == null) {
                firstPackages.put(first.bank().value(), first);
              }
            });
  }

  private void putParticipant(Participant participant) {
    String key = StoreKeys.participant(participant.bankCode(), participant.participantRef());
    Participant before = participants.get(key);
    participants.put(key, participant);
    if (before != null) {
      stores.index().delete(StoreKeys.participantsOf(before.personKey()) + key);
    }
    stores.index().put(StoreKeys.participantsOf(participant.personKey()) + key, key);
  }

  private void write(String key, RecordEntry before, RecordEntry after) {
    if (after.equals(before)) {
      return;
    }
    if (after.isEmpty()) {
      records.delete(key);
    } else {
      records.put(key, after);
    }
    List<String> was = indexKeys(before);
    List<String> now = indexKeys(after);
    for (String indexKey : was) {
      if (!now.contains(indexKey)) {
        stores.index().delete(indexKey);
      }
    }
    for (String indexKey : now) {
      if (!was.contains(indexKey)) {
        stores.index().put(indexKey, key);
      }
    }
  }

  private void addToBalances(Posting posting) {
    for (Line line : posting.lines()) {
      String account = StoreKeys.account(posting.bankCode(), line.account());
      Long sum = balances.get(account);
      balances.put(account, (sum == null ? 0 : sum) + line.amount().value());
      add(
          stores.positionAmounts(),
          account + StoreKeys.SEP + StoreKeys.position(posting.position()),
          line.amount().value());
    }
  }

  private static void add(KeyValueStore<String, Long> store, String key, long amount) {
    Long before = store.get(key);
    store.put(key, (before == null ? 0 : before) + amount);
  }

  private <V> List<V> indexed(String prefix, Function<String, @Nullable V> primary) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, String> it = stores.index().prefixScan(prefix, KEYS)) {
      while (it.hasNext()) {
        KeyValue<String, String> entry = it.next();
        V value = primary.apply(entry.value);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /** The index rows of a record's entry (its cap row's, its used ref's, its transfer item's). */
  private static List<String> indexKeys(RecordEntry entry) {
    List<String> keys = new ArrayList<>(4);
    if (entry.credited() != null) {
      keys.addAll(creditedIndex(entry.credited()));
    }
    if (entry.used() != null) {
      keys.addAll(usedIndex(entry.used()));
    }
    if (entry.transfer() != null) {
      keys.addAll(transferIndex(entry.transfer()));
    }
    return keys;
  }

  private static List<String> creditedIndex(CreditedService row) {
    String start = startIndex(row);
    return row.end().isEmpty()
        ? List.of(start)
        : List.of(
            start,
            StoreKeys.endedOf(row.person())
                + StoreKeys.endTime(row.end().get())
                + StoreKeys.SEP
                + StoreKeys.record(row.id()));
  }

  private static String startIndex(CreditedService row) {
    return StoreKeys.creditedOf(row.person())
        + StoreKeys.time(row.start())
        + StoreKeys.SEP
        + StoreKeys.record(row.id());
  }

  private static List<String> usedIndex(UsedRef ref) {
    return List.of(StoreKeys.usedIn(ref.id().bank(), ref.period()) + StoreKeys.record(ref.id()));
  }

  private static List<String> transferIndex(TransferItem item) {
    return List.of(StoreKeys.transfersOf(item.person()) + StoreKeys.record(item.id()));
  }

  /**
   * A primary store with its most recently used values kept deserialised, absent ones included;
   * writes go through to the store. With capacity 0, a plain view of the store.
   */
  static final class ValueCache<V> {

    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, V> store;
    private final int capacity;
    private final LinkedHashMap<String, Object> values;

    ValueCache(KeyValueStore<String, V> store, int capacity) {
      this.store = store;
      this.capacity = capacity;
      this.values =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
              return size() > ValueCache.this.capacity;
            }
          };
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(String key) {
      if (capacity == 0) {
        return store.get(key);
      }
      Object value = values.get(key);
      if (value == null) {
        V read = store.get(key);
        values.put(key, read == null ? ABSENT : read);
        return read;
      }
      return value == ABSENT ? null : (V) value;
    }

    void put(String key, V value) {
      store.put(key, value);
      if (capacity > 0) {
        values.put(key, value);
      }
    }

    @Nullable V delete(String key) {
      V before = get(key);
      store.delete(key);
      if (capacity > 0) {
        values.put(key, ABSENT);
      }
      return before;
    }
  }
}
