package cn.timebank.ingestion.rules;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.storage.StorageSplit;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction (spec §2, §4, §6): R106, R107 (a gift to oneself), R110, R112, R114, R115, R118,
 * R119; W203 and W207; the postings of each type. Every R check is evaluated and the lowest code
 * wins.
 */
final class TransactionRules {

  /** The types whose participant pays (R115). */
  private static final Set<TransactionType> DEBITS =
      EnumSet.of(TransactionType.GIFT, TransactionType.DONATION, TransactionType.TRANSFER_OUT);

  private final Crediting crediting;
  private final TransferMatching transfers;
  private final Withdrawals withdrawals;

  TransactionRules(Crediting crediting, TransferMatching transfers, Withdrawals withdrawals) {
    this.crediting = crediting;
    this.transfers = transfers;
    this.withdrawals = withdrawals;
  }

  Outcome apply(Transaction t, List<FieldProblem> prior, RecordContext context, LedgerState state) {
    BankCode bank = context.bankCode();
    if (!t.bankCode().equals(bank)) {
      throw new IllegalArgumentException(t.txnRef() + " is of " + t.bankCode() + ", not " + bank);
    }
    RecordId id = RecordId.transaction(bank, t.txnRef());
    RecordPosition position = TimedRecord.positionOf(t);
    String fingerprint = Fingerprints.of(t);
    Optional<UsedRef> used = state.used(id);
    if (prior.isEmpty() && used.filter(u -> u.fingerprint().equals(fingerprint)).isPresent()) {
      return new Outcome.Confirmed(t.txnRef());
    }
    Problems problems = new Problems(prior);
    used.filter(u -> !u.fingerprint().equals(fingerprint))
        .ifPresent(
            u ->
                problems.add(
                    ResultCode.R118,
                    "txn_ref",
                    t.txnRef() + " is already used for another transaction (" + u.period() + ")"));
    LocalDate day = t.occurredAt().toLocalDate();
    Optional<Participant> participant = state.participant(bank, t.participantRef());
    Parties.registered(problems, participant, "participant_ref", t.participantRef(), bank);
    participant.ifPresent(p -> Parties.active(problems, p, day, "participant_ref"));
    if (t.type() == TransactionType.GIFT) {
      String receiverRef = t.counterpartyRef().orElseThrow();
      Optional<Participant> receiver = state.participant(bank, receiverRef);
      Parties.registered(problems, receiver, "counterparty_ref", receiverRef, bank);
      Parties.distinct(
          problems, t.participantRef(), participant, "counterparty_ref", receiverRef, receiver);
      receiver.ifPresent(r -> Parties.active(problems, r, day, "counterparty_ref"));
    }
    context
        .period()
        .filter(period -> !period.contains(day))
        .ifPresent(
            period -> problems.add(ResultCode.R110, "occurred_at", day + " is not in " + period));
    Optional<UsedRef> target = Optional.empty();
    if (t.type() == TransactionType.REVERSAL) {
      target = reversalTarget(problems, t, state);
    }
    if (DEBITS.contains(t.type()) && participant.isPresent()) {
      StandardMinutes available =
          state.available(bank, Account.participant(t.participantRef()), position);
      if (t.standardMinutes().compareTo(available) > 0) {
        problems.add(
            ResultCode.R115,
            "standard_minutes",
            t.participantRef() + " has " + available + " available, not " + t.standardMinutes());
      }
    }
    Period month = Period.containing(day);
    if (t.type() == TransactionType.OPENING_BALANCE
        && !FirstPackages.allowsOpeningBalance(context, state, month)) {
      problems.add(
          ResultCode.R119, "type", FirstPackages.outsideFirstPackage(context, state, month));
    }
    Optional<Outcome.Rejected> rejection = problems.rejection();
    if (rejection.isPresent()) {
      return rejection.get();
    }
    EffectsBuilder effects = new EffectsBuilder(state, context.sourceId());
    effects.use(
        new UsedRef(id, fingerprint, month, position, target.map(UsedRef::id), Optional.empty()));
    if (t.type() == TransactionType.OPENING_BALANCE) {
      FirstPackages.markOpening(effects, context, state, month);
    } else {
      FirstPackages.mark(effects, context, state);
    }
    List<ResultCode> warnings = new ArrayList<>();
    post(effects, t, id, position, participant.orElseThrow(), target, warnings);
    return new Outcome.Accepted(warnings, effects.build());
  }

  /** R114: a service or transaction of this bank, not already reversed, not a REVERSAL itself. */
  private static Optional<UsedRef> reversalTarget(
      Problems problems, Transaction t, LedgerState state) {
    String ref = t.reversesRef().orElseThrow();
    Optional<UsedRef> target =
        state
            .used(RecordId.service(t.bankCode(), ref))
            .or(() -> state.used(RecordId.transaction(t.bankCode(), ref)));
    if (target.isEmpty()) {
      problems.add(ResultCode.R114, "reverses_ref", ref + " is not known for " + t.bankCode());
      return Optional.empty();
    }
    if (target.get().reversedBy().isPresent()) {
      problems.add(
          ResultCode.R114,
          "reverses_ref",
          ref + " is already reversed by " + target.get().reversedBy().get().ref());
      return Optional.empty();
    }
    if (target.get().isReversal()) {
      problems.add(ResultCode.R114, "reverses_ref", ref + " is a REVERSAL, which is not reversed");
      return Optional.empty();
    }
    return target;
  }

  private void post(
      EffectsBuilder effects,
      Transaction t,
      RecordId id,
      RecordPosition position,
      Participant participant,
      Optional<UsedRef> target,
      List<ResultCode> warnings) {
    Account own = Account.participant(t.participantRef());
    StandardMinutes minutes = t.standardMinutes();
    LocalDate day = t.occurredAt().toLocalDate();
    switch (t.type()) {
      case GIFT -> {
        Account receiver = Account.participant(t.counterpartyRef().orElseThrow());
        StorageSplit split = crediting.split(effects, id.bank(), receiver, minutes, day);
        warnings.addAll(split.warnings());
        effects.post(
            PostingKind.TRANSACTION, id, position, Crediting.lines(own, receiver, minutes, split));
      }
      case DONATION ->
          effects.post(
              PostingKind.TRANSACTION, id, position, Crediting.lines(own, Account.POOL, minutes));
      case TRANSFER_OUT -> {
        effects.post(
            PostingKind.TRANSACTION, id, position, Crediting.lines(own, Account.CLEARING, minutes));
        transfers.match(effects, transferItem(t, id, participant));
      }
      case TRANSFER_IN -> {
        StorageSplit split = crediting.split(effects, id.bank(), own, minutes, day);
        warnings.addAll(split.warnings());
        effects.post(
            PostingKind.TRANSACTION,
            id,
            position,
            Crediting.lines(Account.CLEARING, own, minutes, split));
        if (!transfers.match(effects, transferItem(t, id, participant))) {
          warnings.add(ResultCode.W207);
        }
      }
      case OPENING_BALANCE -> {
        StorageSplit split = crediting.split(effects, id.bank(), own, minutes, day);
        warnings.addAll(split.warnings());
        effects.post(
            PostingKind.OPENING_BALANCE,
            id,
            position,
            Crediting.lines(Account.ISSUANCE, own, minutes, split));
      }
      case REVERSAL -> withdrawals.reverse(effects, target.orElseThrow(), id, position);
    }
  }

  private static TransferItem transferItem(Transaction t, RecordId id, Participant participant) {
    return new TransferItem(
        id,
        t.type(),
        participant.personKey(),
        t.counterpartyBank().orElseThrow(),
        t.standardMinutes(),
        t.occurredAt(),
        Optional.empty(),
        false);
  }
}
