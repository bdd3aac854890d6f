package cn.timebank.ingestion.rules;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything the record engine needs to know of what came before, across all banks, and the one way
 * to change it ({@link #apply}). The batch keeps it in the database, the stream topology in state
 * stores, the tests in {@link InMemoryLedgerState}; all give the engine the same answers. Reads
 * never see effects that have not been applied.
 */
public interface LedgerState {

  /** The latest version of a bank's participant. */
  Optional<Participant> participant(BankCode bank, String participantRef);

  /** The participant rows of one person in every bank. */
  List<Participant> participantsOf(PersonKey person);

  /** The balance of an account now: the sum of all its lines (positive = hours it holds). */
  StandardMinutes balance(BankCode bank, Account account);

  /**
   * The most that may be taken from an account at {@code at} in time order (§3.8) without its
   * balance falling below zero there or at any later point: the minimum, over {@code at} and every
   * later position with lines on the account, of the running balance in time order (the lines of
   * one position count together: they belong to one record, its adjustments and reversals). A gift
   * on 10-05 is covered only by what was credited before 10-05 (and not spent after it). In SQL: a
   * window sum over the account's lines grouped by position, then the minimum from {@code at} on.
   */
  StandardMinutes available(BankCode bank, Account account, RecordPosition at);

  /** The person's completed, not reversed services starting on {@code day}, in every bank. */
  List<CreditedService> creditedOn(PersonKey person, LocalDate day);

  /**
   * The person's completed, not reversed services with an end whose interval {@code [start, end)}
   * meets {@code [from, to)}, in every bank.
   */
  List<CreditedService> timedOverlapping(PersonKey person, LocalDateTime from, LocalDateTime to);

  /** The daily-cap row of one service, reversed or not. */
  Optional<CreditedService> credited(RecordId service);

  /** Whether a ref is used by an accepted record, and how. */
  Optional<UsedRef> used(RecordId id);

  /** The refs of a bank whose records' dates fall in {@code period}, any channel. */
  List<UsedRef> usedIn(BankCode bank, Period period);

  /** Every posting made for a record (its own, adjustments, correction reversals), in order. */
  List<Posting> postingsOf(RecordId id);

  /** The first package accepted from the bank (R119). */
  Optional<FirstPackage> firstPackage(BankCode bank);

  /** The person's transfer items in every bank: open, matched and reversed. */
  List<TransferItem> transfersOf(PersonKey person);

  /** One transfer item. */
  Optional<TransferItem> transfer(RecordId id);

  /** Stores the effects of one engine call. */
  void apply(Effects effects);
}
