package cn.timebank.ingestion.rules;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Taking records out of the ledger without deleting anything (spec §6): a {@code REVERSAL} record
 * posts the opposite of the net entries of the record it names; a correction package (§2, sequence
 * ≥ 2) supersedes every service and transaction of its bank and period, any channel, with {@code
 * CORRECTION_REVERSAL} postings, frees their refs and takes them out of the daily cap and transfer
 * matching. The other services of the days concerned are re-capped ({@code CAP_ADJUSTMENT}).
 */
final class Withdrawals {

  private record PersonDay(PersonKey person, LocalDate day) {}

  private final DailyCapAdjustments cap;
  private final TransferMatching transfers;

  Withdrawals(DailyCapAdjustments cap, TransferMatching transfers) {
    this.cap = cap;
    this.transfers = transfers;
  }

  /**
   * A {@code REVERSAL} record {@code reversal} at {@code at} cancels {@code target}: the opposite
   * of the target's net entries is posted for the reversal; a service leaves the daily cap (its row
   * stays, marked reversed) and a transfer leaves matching (its other side is re-opened).
   */
  void reverse(EffectsBuilder effects, UsedRef target, RecordId reversal, RecordPosition at) {
    effects.post(
        PostingKind.REVERSAL,
        reversal,
        at,
        Crediting.opposite(Crediting.net(effects.postingsOf(target.id()))));
    effects.use(target.withReversedBy(Optional.of(reversal)));
    effects
        .creditedRow(target.id())
        .ifPresent(
            row -> {
              effects.credit(row.withReversed(true));
              cap.recap(effects, row.person(), row.day());
            });
    effects
        .transferItem(target.id())
        .ifPresent(
            item -> {
              effects.transfer(item.withReversed(true).matched(Optional.empty()));
              transfers.reopenCounterpart(effects, item);
            });
  }

  /**
   * Supersedes the bank's services and transactions of {@code period}. Each record's own net
   * entries are reversed. A record reversed by a REVERSAL outside the period already nets to zero
   * with it: that reversal's entries are reversed too, so nothing is reversed twice. A REVERSAL of
   * the period whose target lies outside it gives the target back (its entries, its cap row, its
   * transfer item).
   */
  void supersede(EffectsBuilder effects, BankCode bank, Period period) {
    List<UsedRef> refs =
        effects.state().usedIn(bank, period).stream()
            .sorted(Comparator.comparing(UsedRef::position))
            .toList();
    Set<RecordId> superseded = new LinkedHashSet<>();
    refs.forEach(ref -> superseded.add(ref.id()));
    Set<PersonDay> days = new LinkedHashSet<>();
    for (UsedRef ref : refs) {
      reverseOwn(effects, ref.id(), ref.position());
      ref.reversedBy()
          .filter(reversal -> !superseded.contains(reversal))
          .flatMap(effects::usedRef)
          .ifPresent(reversal -> reverseOwn(effects, reversal.id(), reversal.position()));
      ref.reverses()
          .filter(target -> !superseded.contains(target))
          .flatMap(effects::usedRef)
          .filter(target -> target.reversedBy().equals(Optional.of(ref.id())))
          .ifPresent(target -> giveBack(effects, target, days));
      effects
          .creditedRow(ref.id())
          .ifPresent(
              row -> {
                effects.uncredit(row.id());
                if (!row.reversed()) {
                  days.add(new PersonDay(row.person(), row.day()));
                }
              });
      effects
          .transferItem(ref.id())
          .ifPresent(
              item -> {
                effects.removeTransfer(item.id());
                transfers.reopenCounterpart(effects, item);
              });
      effects.release(ref.id());
    }
    days.forEach(day -> cap.recap(effects, day.person(), day.day()));
  }

  private void reverseOwn(EffectsBuilder effects, RecordId id, RecordPosition position) {
    effects.post(
        PostingKind.CORRECTION_REVERSAL,
        id,
        position,
        Crediting.opposite(Crediting.net(effects.postingsOf(id))));
  }

  private void giveBack(EffectsBuilder effects, UsedRef target, Set<PersonDay> days) {
    effects.use(target.withReversedBy(Optional.empty()));
    effects
        .creditedRow(target.id())
        .ifPresent(
            row -> {
              effects.credit(row.withReversed(false));
              days.add(new PersonDay(row.person(), row.day()));
            });
    effects
        .transferItem(target.id())
        .ifPresent(item -> transfers.match(effects, item.withReversed(false)));
  }
}
