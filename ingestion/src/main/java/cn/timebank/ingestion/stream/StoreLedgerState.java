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
      KeyValueStore<String, List<Posting>> postings,
      KeyValueStore<String, Long> balances,
      KeyValueStore<String, Long> positionAmounts,
      KeyValueStore<String, CreditedService> credited,
      KeyValueStore<String, UsedRef> used,
      KeyValueStore<String, TransferItem> transfers,
      KeyValueStore<String, FirstPackage> firstPackages,
      KeyValueStore<String, String> index) {

    public Stores {
      Objects.requireNonNull(participants, "participants");
      Objects.requireNonNull(postings, "postings");
      Objects.requireNonNull(balances, "balances");
      Objects.requireNonNull(positionAmounts, "positionAmounts");
      Objects.requireNonNull(credited, "credited");
      Objects.requireNonNull(used, "used");
      Objects.requireNonNull(transfers, "transfers");
      Objects.requireNonNull(firstPackages, "firstPackages");
      Objects.requireNonNull(index, "index");
    }
  }

  /** Values kept deserialised per primary store by default (the most recently used). */
  public static final int CACHED_VALUES = 20_000;

  private static final StringSerializer KEYS = new StringSerializer();

  private final Stores stores;
  private final ValueCache<Participant> participants;
  private final ValueCache<List<Posting>> postings;
  private final ValueCache<Long> balances;
  private final ValueCache<CreditedService> credited;
  private final ValueCache<UsedRef> used;
  private final ValueCache<TransferItem> transfers;
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
    this.postings = new ValueCache<>(stores.postings(), cachedValues);
    this.balances = new ValueCache<>(stores.balances(), cachedValues);
    this.credited = new ValueCache<>(stores.credited(), cachedValues);
    this.used = new ValueCache<>(stores.used(), cachedValues);
    this.transfers = new ValueCache<>(stores.transfers(), cachedValues);
    this.firstPackages = new ValueCache<>(stores.firstPackages(), cachedValues);
  }

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return Optional.ofNullable(participants.get(StoreKeys.participant(bank, participantRef)));
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return indexed(StoreKeys.participantsOf(person), participants);
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
    return indexed(dayPrefix, credited).stream().filter(s -> !s.reversed()).toList();
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
      it.forEachRemaining(entry -> rows.add(credited.get(entry.value)));
    }
    return rows.stream()
        .filter(s -> !s.reversed() && s.end().isPresent())
        .filter(s -> s.start().isBefore(to) && s.end().get().isAfter(from))
        .sorted(Comparator.comparing(StoreLedgerState::startIndex))
        .toList();
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return Optional.ofNullable(credited.get(StoreKeys.record(service)));
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return Optional.ofNullable(used.get(StoreKeys.record(id)));
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return indexed(StoreKeys.usedIn(bank, period), used);
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    List<Posting> list = postings.get(StoreKeys.record(id));
    return list == null ? List.of() : List.copyOf(list);
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return Optional.ofNullable(firstPackages.get(bank.value()));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return indexed(StoreKeys.transfersOf(person), transfers);
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return Optional.ofNullable(transfers.get(StoreKeys.record(id)));
  }

  @Override
  public void apply(Effects effects) {
    effects.participants().forEach(this::putParticipant);
    effects.uncredited().forEach(id -> remove(credited, id, StoreLedgerState::creditedIndex));
    effects
        .credited()
        .forEach(row -> put(credited, row.id(), row, StoreLedgerState::creditedIndex));
    effects.released().forEach(id -> remove(used, id, StoreLedgerState::usedIndex));
    effects.used().forEach(ref -> put(used, ref.id(), ref, StoreLedgerState::usedIndex));
    effects
        .transfersRemoved()
        .forEach(id -> remove(transfers, id, StoreLedgerState::transferIndex));
    effects
        .transfers()
        .forEach(item -> put(transfers, item.id(), item, StoreLedgerState::transferIndex));
    effects.postings().forEach(this::append);
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

  private <V> void put(
      ValueCache<V> store, RecordId id, V value, Function<V, List<String>> indexKeys) {
    String key = StoreKeys.record(id);
    V before = store.get(key);
    store.put(key, value);
    if (before != null) {
      indexKeys.apply(before).forEach(stores.index()::delete);
    }
    indexKeys.apply(value).forEach(indexKey -> stores.index().put(indexKey, key));
  }

  private <V> void remove(ValueCache<V> store, RecordId id, Function<V, List<String>> indexKeys) {
    V before = store.delete(StoreKeys.record(id));
    if (before != null) {
      indexKeys.apply(before).forEach(stores.index()::delete);
    }
  }

  private void append(Posting posting) {
    String key = StoreKeys.record(posting.source());
    List<Posting> list = new ArrayList<>(postingsOf(posting.source()));
    if (list.stream().anyMatch(p -> p.idempotencyKey().equals(posting.idempotencyKey()))) {
      return;
    }
    list.add(posting);
    postings.put(key, List.copyOf(list));
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

  private <V> List<V> indexed(String prefix, ValueCache<V> primary) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, String> it = stores.index().prefixScan(prefix, KEYS)) {
      while (it.hasNext()) {
        KeyValue<String, String> entry = it.next();
        V value = primary.get(entry.value);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
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
