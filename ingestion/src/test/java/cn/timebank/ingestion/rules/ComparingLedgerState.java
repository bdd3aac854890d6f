package cn.timebank.ingestion.rules;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link LedgerState} under test driven in lockstep with the reference {@link
 * InMemoryLedgerState}: the engine reads the candidate, every answer is compared with the
 * reference's (lists as multisets: their order is the state's own), and effects go to both. Any
 * difference fails the test at the read where it shows.
 */
class ComparingLedgerState implements LedgerState {

  private final InMemoryLedgerState reference;
  private final LedgerState candidate;

  ComparingLedgerState(InMemoryLedgerState reference, LedgerState candidate) {
    this.reference = reference;
    this.candidate = candidate;
  }

  private <T> T same(String what, Function<LedgerState, T> read) {
    T expected = read.apply(reference);
    T actual = read.apply(candidate);
    boolean equal =
        expected instanceof List<?> e && actual instanceof List<?> a
            ? counts(e).equals(counts(a))
            : expected.equals(actual);
    if (!equal) {
      throw new AssertionError(
          what + ": the candidate state says " + actual + ", the reference " + expected);
    }
    return actual;
  }

  private static Map<Object, Integer> counts(List<?> list) {
    Map<Object, Integer> counts = new HashMap<>();
    list.forEach(item -> counts.merge(item, 1, Integer::sum));
    return counts;
  }

  @Override
  public Optional<Participant> participant(BankCode bank, String participantRef) {
    return same("participant", s -> s.participant(bank, participantRef));
  }

  @Override
  public List<Participant> participantsOf(PersonKey person) {
    return same("participantsOf", s -> s.participantsOf(person));
  }

  @Override
  public StandardMinutes balance(BankCode bank, Account account) {
    return same("balance " + bank + " " + account, s -> s.balance(bank, account));
  }

  @Override
  public StandardMinutes available(BankCode bank, Account account, RecordPosition at) {
    return same(
        "available " + bank + " " + account + " at " + at, s -> s.available(bank, account, at));
  }

  @Override
  public List<CreditedService> creditedOn(PersonKey person, LocalDate day) {
    return same("creditedOn " + day, s -> s.creditedOn(person, day));
  }

  @Override
  public List<CreditedService> timedOverlapping(
      PersonKey person, LocalDateTime from, LocalDateTime to) {
    return same("timedOverlapping", s -> s.timedOverlapping(person, from, to));
  }

  @Override
  public Optional<CreditedService> credited(RecordId service) {
    return same("credited " + service, s -> s.credited(service));
  }

  @Override
  public Optional<UsedRef> used(RecordId id) {
    return same("used " + id, s -> s.used(id));
  }

  @Override
  public List<UsedRef> usedIn(BankCode bank, Period period) {
    return same("usedIn " + bank + " " + period, s -> s.usedIn(bank, period));
  }

  @Override
  public List<Posting> postingsOf(RecordId id) {
    return same("postingsOf " + id, s -> s.postingsOf(id));
  }

  @Override
  public Optional<FirstPackage> firstPackage(BankCode bank) {
    return same("firstPackage " + bank, s -> s.firstPackage(bank));
  }

  @Override
  public List<TransferItem> transfersOf(PersonKey person) {
    return same("transfersOf", s -> s.transfersOf(person));
  }

  @Override
  public Optional<TransferItem> transfer(RecordId id) {
    return same("transfer " + id, s -> s.transfer(id));
  }

  @Override
  public void apply(Effects effects) {
    reference.apply(effects);
    candidate.apply(effects);
  }
}
