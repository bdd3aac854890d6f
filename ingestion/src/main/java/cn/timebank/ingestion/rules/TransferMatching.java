package cn.timebank.ingestion.rules;

import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.provider.CodePointOrder;
import cn.timebank.standards.hours.schedule.TransferWindow;
import cn.timebank.standards.model.TransactionType;
import java.util.Comparator;
import java.util.Optional;

/**
 * W207 (spec §4, §6): a {@code TRANSFER_IN} is matched with an open {@code TRANSFER_OUT} of the
 * same person (person key) at the bank it names, naming this bank in turn, of equal minutes, within
 * the transfer match days; a {@code TRANSFER_OUT} arriving later closes a waiting {@code
 * TRANSFER_IN} the same way. Of several candidates the earliest ({@code occurred_at}, then bank,
 * then ref) is taken. Matching posts nothing. The window is that of the standard in force on the
 * {@code TRANSFER_IN}'s day.
 */
final class TransferMatching {

  private static final Comparator<TransferItem> EARLIEST =
      Comparator.comparing(TransferItem::occurredAt)
          .thenComparing(t -> t.id().bank().value(), CodePointOrder.INSTANCE)
          .thenComparing(t -> t.id().ref(), CodePointOrder.INSTANCE);

  private final StandardVersions versions;

  TransferMatching(StandardVersions versions) {
    this.versions = versions;
  }

  /** Stores {@code item}, matched with its other side when one is open; true when matched. */
  boolean match(EffectsBuilder effects, TransferItem item) {
    Optional<TransferItem> other =
        effects.transfersOf(item.person()).stream()
            .filter(TransferItem::isOpen)
            .filter(candidate -> !candidate.id().equals(item.id()))
            .filter(candidate -> matches(item, candidate))
            .min(EARLIEST);
    if (other.isPresent()) {
      effects.transfer(other.get().matched(Optional.of(item.id())));
      effects.transfer(item.matched(Optional.of(other.get().id())));
      return true;
    }
    effects.transfer(item.matched(Optional.empty()));
    return false;
  }

  /** Re-opens the other side of a transfer that leaves, and tries to match it again. */
  void reopenCounterpart(EffectsBuilder effects, TransferItem leaving) {
    leaving
        .matchedWith()
        .flatMap(effects::transferItem)
        .ifPresent(other -> match(effects, other.matched(Optional.empty())));
  }

  private boolean matches(TransferItem a, TransferItem b) {
    if (a.type() == b.type() || !a.minutes().equals(b.minutes())) {
      return false;
    }
    if (!a.counterpartyBank().equals(b.id().bank())
        || !b.counterpartyBank().equals(a.id().bank())) {
      return false;
    }
    TransferItem in = a.type() == TransactionType.TRANSFER_IN ? a : b;
    return TransferWindow.within(
        versions.inForceOn(in.occurredAt().toLocalDate()), a.occurredAt(), b.occurredAt());
  }
}
