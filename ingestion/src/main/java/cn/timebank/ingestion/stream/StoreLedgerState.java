package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Account;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

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

  private static final StringSerializer KEYS = new StringSerializer();

  private final Stores stores;

  public StoreLedgerState(Stores stores) {
    this.stores = Objects.requireNonNull(stores, "stores");
  }

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return Optional.ofNullable(
        stores.participants().get(StoreKeys.participant(bank, participantRef)));
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return indexed(StoreKeys.participantsOf(person), stores.participants());
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    Long sum = stores.balances().get(StoreKeys.account(bank, account));
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
    long running = balance(bank, account).value() - tail.stream().mapToLong(Long::longValue).sum();
    long lowest = running;
    for (long amount : tail) {
      running += amount;
      lowest = Math.min(lowest, running);
    }
    return StandardMinutes.of(lowest);
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    String dayPrefix =
        StoreKeys.creditedOf(person) + StoreKeys.time(day.atStartOfDay()).substring(0, 10);
    return indexed(dayPrefix, stores.credited()).stream().filter(s -> !s.reversed()).toList();
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    // Only rows starting before `to` can meet [from, to): the index is in start order.
    String prefix = StoreKeys.creditedOf(person);
    List<CreditedService> rows = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        stores.index().range(prefix, prefix + StoreKeys.time(to))) {
      it.forEachRemaining(entry -> rows.add(stores.credited().get(entry.value)));
    }
    return rows.stream()
        .filter(s -> !s.reversed() && s.end().isPresent())
        .filter(s -> s.start().isBefore(to) && s.end().get().isAfter(from))
        .toList();
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return Optional.ofNullable(stores.credited().get(StoreKeys.record(service)));
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return Optional.ofNullable(stores.used().get(StoreKeys.record(id)));
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return indexed(StoreKeys.usedIn(bank, period), stores.used());
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    List<Posting> postings = stores.postings().get(StoreKeys.record(id));
    return postings == null ? List.of() : List.copyOf(postings);
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return Optional.ofNullable(stores.firstPackages().get(bank.value()));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return indexed(StoreKeys.transfersOf(person), stores.transfers());
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return Optional.ofNullable(stores.transfers().get(StoreKeys.record(id)));
  }

  @Override
  public void apply(Effects effects) {
    effects.participants().forEach(this::putParticipant);
    effects
        .uncredited()
        .forEach(id -> remove(stores.credited(), id, StoreLedgerState::creditedIndex));
    effects
        .credited()
        .forEach(row -> put(stores.credited(), row.id(), row, StoreLedgerState::creditedIndex));
    effects.released().forEach(id -> remove(stores.used(), id, StoreLedgerState::usedIndex));
    effects.used().forEach(ref -> put(stores.used(), ref.id(), ref, StoreLedgerState::usedIndex));
    effects
        .transfersRemoved()
        .forEach(id -> remove(stores.transfers(), id, StoreLedgerState::transferIndex));
    effects
        .transfers()
        .forEach(item -> put(stores.transfers(), item.id(), item, StoreLedgerState::transferIndex));
    effects.postings().forEach(this::append);
    effects
        .firstPackage()
        .ifPresent(first -> stores.firstPackages().putIfAbsent(first.bank().value(), first));
  }

  private void putParticipant(Participant participant) {
    String key = StoreKeys.participant(participant.bankCode(), participant.participantRef());
    Participant before = stores.participants().get(key);
    stores.participants().put(key, participant);
    if (before != null) {
      stores.index().delete(StoreKeys.participantsOf(before.personKey()) + key);
    }
    stores.index().put(StoreKeys.participantsOf(participant.personKey()) + key, key);
  }

  private <V> void put(
      KeyValueStore<String, V> store, RecordId id, V value, Function<V, String> indexKey) {
    String key = StoreKeys.record(id);
    V before = store.get(key);
    store.put(key, value);
    if (before != null) {
      stores.index().delete(indexKey.apply(before));
    }
    stores.index().put(indexKey.apply(value), key);
  }

  private <V> void remove(
      KeyValueStore<String, V> store, RecordId id, Function<V, String> indexKey) {
    V before = store.delete(StoreKeys.record(id));
    if (before != null) {
      stores.index().delete(indexKey.apply(before));
    }
  }

  private void append(Posting posting) {
    String key = StoreKeys.record(posting.source());
    List<Posting> postings = new ArrayList<>(postingsOf(posting.source()));
    if (postings.stream().anyMatch(p -> p.idempotencyKey().equals(posting.idempotencyKey()))) {
      return;
    }
    postings.add(posting);
    stores.postings().put(key, postings);
    for (Line line : posting.lines()) {
      String account = StoreKeys.account(posting.bankCode(), line.account());
      add(stores.balances(), account, line.amount().value());
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

  private <V> List<V> indexed(String prefix, KeyValueStore<String, V> primary) {
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

  private static String creditedIndex(CreditedService row) {
    return StoreKeys.creditedOf(row.person())
        + StoreKeys.time(row.start())
        + StoreKeys.SEP
        + StoreKeys.record(row.id());
  }

  private static String usedIndex(UsedRef ref) {
    return StoreKeys.usedIn(ref.id().bank(), ref.period()) + StoreKeys.record(ref.id());
  }

  private static String transferIndex(TransferItem item) {
    return StoreKeys.transfersOf(item.person()) + StoreKeys.record(item.id());
  }
}
