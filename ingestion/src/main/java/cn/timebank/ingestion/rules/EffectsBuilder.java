package cn.timebank.ingestion.rules;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the effects of one engine call and shows the state as it will be once they are applied
 * (balances, daily-cap rows, refs, transfer items), so that several changes in one call (a
 * correction, adjustments of two services of one provider) build on each other.
 */
final class EffectsBuilder {

  private record AccountKey(BankCode bank, Account account) {}

  private final LedgerState state;
  private final String sourceId;
  private final List<Participant> participants = new ArrayList<>();
  private final List<Posting> postings = new ArrayList<>();
  private final Map<AccountKey, Long> pendingBalances = new HashMap<>();
  private final Map<RecordId, Integer> pendingPostingCounts = new HashMap<>();
  private final Map<RecordId, Optional<CreditedService>> credited = new LinkedHashMap<>();
  private final Map<RecordId, Optional<UsedRef>> used = new LinkedHashMap<>();
  private final Map<RecordId, Optional<TransferItem>> transfers = new LinkedHashMap<>();
  private Optional<FirstPackage> firstPackage = Optional.empty();

  EffectsBuilder(LedgerState state, String sourceId) {
    this.state = state;
    this.sourceId = sourceId;
  }

  LedgerState state() {
    return state;
  }

  void participant(Participant participant) {
    participants.add(participant);
  }

  void firstPackage(FirstPackage first) {
    firstPackage = Optional.of(first);
  }

  /**
   * Posts {@code lines} for {@code source} at {@code position}: lines on one account are merged,
   * zero lines dropped; nothing is posted when fewer than two lines remain (nothing moves).
   */
  void post(PostingKind kind, RecordId source, RecordPosition position, List<Line> lines) {
    Map<Account, Long> merged = new LinkedHashMap<>();
    for (Line line : lines) {
      merged.merge(line.account(), line.amount().value(), Long::sum);
    }
    List<Line> kept = new ArrayList<>();
    merged.forEach(
        (account, minutes) -> {
          if (minutes != 0) {
            kept.add(Line.of(account, minutes));
          }
        });
    if (kept.size() < 2) {
      return;
    }
    int n = state.postingsOf(source).size() + pendingPostingCounts.merge(source, 1, Integer::sum);
    postings.add(
        new Posting(
            source.bank(),
            source + "/" + n,
            kind,
            source.kind(),
            source.ref(),
            sourceId,
            position,
            kept));
    for (Line line : kept) {
      pendingBalances.merge(
          new AccountKey(source.bank(), line.account()), line.amount().value(), Long::sum);
    }
  }

  StandardMinutes balance(BankCode bank, Account account) {
    return state
        .balance(bank, account)
        .plus(StandardMinutes.of(pendingBalances.getOrDefault(new AccountKey(bank, account), 0L)));
  }

  /** The record's postings so far, applied and pending. */
  List<Posting> postingsOf(RecordId id) {
    List<Posting> all = new ArrayList<>(state.postingsOf(id));
    postings.stream().filter(p -> p.source().equals(id)).forEach(all::add);
    return all;
  }

  void credit(CreditedService row) {
    credited.put(row.id(), Optional.of(row));
  }

  void uncredit(RecordId id) {
    credited.put(id, Optional.empty());
  }

  Optional<CreditedService> creditedRow(RecordId id) {
    return credited.containsKey(id) ? credited.get(id) : state.credited(id);
  }

  /** The person's not reversed services of a day, as they will be. */
  List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    Map<RecordId, CreditedService> rows = new LinkedHashMap<>();
    state.creditedOn(person, day).forEach(row -> rows.put(row.id(), row));
    credited.forEach(
        (id, row) -> {
          rows.remove(id);
          row.filter(r -> !r.reversed() && r.person().equals(person) && r.day().equals(day))
              .ifPresent(r -> rows.put(id, r));
        });
    return List.copyOf(rows.values());
  }

  void use(UsedRef ref) {
    used.put(ref.id(), Optional.of(ref));
  }

  void release(RecordId id) {
    used.put(id, Optional.empty());
  }

  Optional<UsedRef> usedRef(RecordId id) {
    return used.containsKey(id) ? used.get(id) : state.used(id);
  }

  void transfer(TransferItem item) {
    transfers.put(item.id(), Optional.of(item));
  }

  void removeTransfer(RecordId id) {
    transfers.put(id, Optional.empty());
  }

  Optional<TransferItem> transferItem(RecordId id) {
    return transfers.containsKey(id) ? transfers.get(id) : state.transfer(id);
  }

  /** The person's transfer items, as they will be. */
  List<TransferItem> transfersOf(PersonKey person) {
    Map<RecordId, TransferItem> items = new LinkedHashMap<>();
    state.transfersOf(person).forEach(item -> items.put(item.id(), item));
    transfers.forEach(
        (id, item) -> {
          items.remove(id);
          item.filter(i -> i.person().equals(person)).ifPresent(i -> items.put(id, i));
        });
    return List.copyOf(items.values());
  }

  Effects build() {
    return new Effects(
        participants,
        postings,
        present(credited),
        absent(credited),
        present(used),
        absent(used),
        present(transfers),
        absent(transfers),
        firstPackage);
  }

  private static <T> List<T> present(Map<RecordId, Optional<T>> changes) {
    return changes.values().stream().flatMap(Optional::stream).toList();
  }

  private static <T> List<RecordId> absent(Map<RecordId, Optional<T>> changes) {
    return changes.entrySet().stream()
        .filter(e -> e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }
}
