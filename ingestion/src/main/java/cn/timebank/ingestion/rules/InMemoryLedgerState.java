package cn.timebank.ingestion.rules;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The complete {@link LedgerState} in memory: used by the unit tests and by the stream topology's
 * state. Not thread-safe; one engine drives one state.
 */
public final class InMemoryLedgerState implements LedgerState {

  private record ParticipantId(BankCode bank, String ref) {}

  private final Map<ParticipantId, Participant> participants = new LinkedHashMap<>();
  private final List<Posting> postings = new ArrayList<>();
  private final Set<String> postingKeys = new HashSet<>();
  private final Map<RecordId, List<Posting>> postingsBySource = new HashMap<>();
  private final Map<RecordId, CreditedService> credited = new LinkedHashMap<>();
  private final Map<RecordId, UsedRef> used = new LinkedHashMap<>();
  private final Map<RecordId, TransferItem> transfers = new LinkedHashMap<>();
  private final Map<BankCode, FirstPackage> firstPackages = new HashMap<>();

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return Optional.ofNullable(participants.get(new ParticipantId(bank, participantRef)));
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return participants.values().stream().filter(p -> p.personKey().equals(person)).toList();
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    long sum = 0;
    for (Posting posting : postings) {
      if (posting.bankCode().equals(bank)) {
        sum += posting.amountOn(account);
      }
    }
    return StandardMinutes.of(sum);
  }

  @Override
  public StandardMinutes available(BankCode bank, Account account, RecordPosition at) {
    // Entries at one position belong to one record (its posting, adjustments, reversals): they
    // count together, so a record reversed and posted again never shows a dip in between.
    SortedMap<RecordPosition, Long> byPosition = new TreeMap<>();
    for (Posting posting : postings) {
      if (posting.bankCode().equals(bank)) {
        long amount = posting.amountOn(account);
        if (amount != 0) {
          byPosition.merge(posting.position(), amount, Long::sum);
        }
      }
    }
    return Available.at(byPosition, at);
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    return credited.values().stream()
        .filter(s -> !s.reversed() && s.person().equals(person) && s.day().equals(day))
        .toList();
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    return credited.values().stream()
        .filter(s -> !s.reversed() && s.person().equals(person) && s.end().isPresent())
        .filter(s -> s.start().isBefore(to) && s.end().get().isAfter(from))
        .toList();
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return Optional.ofNullable(credited.get(service));
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return Optional.ofNullable(used.get(id));
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return used.values().stream()
        .filter(u -> u.id().bank().equals(bank) && u.period().equals(period))
        .toList();
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    return List.copyOf(postingsBySource.getOrDefault(id, List.of()));
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return Optional.ofNullable(firstPackages.get(bank));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return transfers.values().stream().filter(t -> t.person().equals(person)).toList();
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return Optional.ofNullable(transfers.get(id));
  }

  @Override
  public void apply(Effects effects) {
    for (Participant participant : effects.participants()) {
      participants.put(
          new ParticipantId(participant.bankCode(), participant.participantRef()), participant);
    }
    effects.uncredited().forEach(credited::remove);
    effects.credited().forEach(row -> credited.put(row.id(), row));
    effects.released().forEach(used::remove);
    effects.used().forEach(ref -> used.put(ref.id(), ref));
    effects.transfersRemoved().forEach(transfers::remove);
    effects.transfers().forEach(item -> transfers.put(item.id(), item));
    for (Posting posting : effects.postings()) {
      if (postingKeys.add(posting.idempotencyKey())) {
        postings.add(posting);
        postingsBySource.computeIfAbsent(posting.source(), id -> new ArrayList<>()).add(posting);
      }
    }
    effects.firstPackage().ifPresent(first -> firstPackages.putIfAbsent(first.bank(), first));
  }

  /** Every posting applied, in order. */
  public List<Posting> postings() {
    return List.copyOf(postings);
  }

  /** Every account that has lines, per bank, with its balance (zero balances included). */
  public Map<BankCode, Map<Account, StandardMinutes>> balances() {
    Map<BankCode, Map<Account, StandardMinutes>> balances = new LinkedHashMap<>();
    for (Posting posting : postings) {
      Map<Account, StandardMinutes> bank =
          balances.computeIfAbsent(posting.bankCode(), b -> new LinkedHashMap<>());
      for (Line line : posting.lines()) {
        bank.merge(line.account(), line.amount(), StandardMinutes::plus);
      }
    }
    return balances;
  }

  /** Every transfer item, open, matched or reversed. */
  public List<TransferItem> transfers() {
    return List.copyOf(transfers.values());
  }

  /** Every daily-cap row. */
  public List<CreditedService> creditedServices() {
    return List.copyOf(credited.values());
  }
}
