package cn.timebank.ingestion.rules;

import cn.timebank.standards.calendar.HolidayCalendar;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.ReadResult;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The record engine: one canonical record at a time against a {@link LedgerState}, giving an {@link
 * Outcome} whose effects the caller applies ({@link LedgerState#apply}) before the next record.
 * Pure: the same record on the same state gives the same outcome, in the batch and in the stream.
 *
 * <p>The caller applies a package's participants before its services and transactions, and those in
 * the time order of spec §3.8 ({@link TimedRecord#APPLICATION_ORDER}). A correction package
 * (sequence ≥ 2) first applies {@link #supersede} for its bank and period.
 *
 * <p>{@code problems} are the R codes found before the engine: the reader's (R101, R102, R108,
 * R109) and the batch's R113 (a ref repeated inside the package). They take part in the lowest-code
 * rule with the engine's own checks, which are all evaluated.
 */
public final class RecordEngine {

  private final ServiceRules services;
  private final TransactionRules transactions;
  private final Withdrawals withdrawals;

  public RecordEngine(StandardVersions versions, HolidayCalendar calendar) {
    Objects.requireNonNull(versions, "versions");
    Crediting crediting = new Crediting(versions);
    DailyCapAdjustments cap = new DailyCapAdjustments(versions, crediting);
    TransferMatching transfers = new TransferMatching(versions);
    this.withdrawals = new Withdrawals(cap, transfers);
    this.services =
        new ServiceRules(versions, new HourCalculator(versions, calendar), crediting, cap);
    this.transactions = new TransactionRules(crediting, transfers, withdrawals);
  }

  /**
   * A participant, new or changed: the latest version replaces the one before (a participant once
   * registered stays known; a correction may update it). The same content again is a confirmation.
   */
  public Outcome participant(
      Participant participant,
      List<FieldProblem> problems,
      RecordContext context,
      LedgerState state) {
    if (!participant.bankCode().equals(context.bankCode())) {
      throw new IllegalArgumentException(
          participant.participantRef() + " is of " + participant.bankCode());
    }
    Optional<Outcome.Rejected> rejection = new Problems(problems).rejection();
    if (rejection.isPresent()) {
      return rejection.get();
    }
    if (state
        .participant(participant.bankCode(), participant.participantRef())
        .filter(participant::equals)
        .isPresent()) {
      return new Outcome.Confirmed(participant.participantRef());
    }
    EffectsBuilder effects = new EffectsBuilder(state, context.sourceId());
    effects.participant(participant);
    FirstPackages.mark(effects, context, state);
    return new Outcome.Accepted(List.of(), effects.build());
  }

  /** A service: R103-R107, R110-R112, R115-R118, W201-W206. */
  public Outcome service(
      Service service, List<FieldProblem> problems, RecordContext context, LedgerState state) {
    return services.apply(service, problems, context, state);
  }

  /** A transaction: R106, R107, R110, R112, R114, R115, R118, R119, W203, W207. */
  public Outcome transaction(
      Transaction transaction,
      List<FieldProblem> problems,
      RecordContext context,
      LedgerState state) {
    return transactions.apply(transaction, problems, context, state);
  }

  /** A service as the reader gave it: its problems reject it, or the engine takes it. */
  public Outcome service(ReadResult<Service> read, RecordContext context, LedgerState state) {
    return fromReader(read, s -> service(s, List.of(), context, state));
  }

  /** A transaction as the reader gave it. */
  public Outcome transaction(
      ReadResult<Transaction> read, RecordContext context, LedgerState state) {
    return fromReader(read, t -> transaction(t, List.of(), context, state));
  }

  /** A participant as the reader gave it. */
  public Outcome participant(
      ReadResult<Participant> read, RecordContext context, LedgerState state) {
    return fromReader(read, p -> participant(p, List.of(), context, state));
  }

  /**
   * A correction of {@code period} (sequence ≥ 2) replaces the bank's services and transactions of
   * that period (spec §2, §6): the entries of every one of them, whatever channel brought it, are
   * reversed ({@code CORRECTION_REVERSAL}), their refs freed (so the correction may use them again
   * without R118) and their daily-cap credits released; the other services of the days concerned
   * are re-capped ({@code CAP_ADJUSTMENT}). Participants stay. Apply the effects, then the
   * correction's records.
   */
  public Effects supersede(BankCode bank, Period period, String sourceId, LedgerState state) {
    EffectsBuilder effects = new EffectsBuilder(state, sourceId);
    withdrawals.supersede(effects, bank, period);
    return effects.build();
  }

  private static <T> Outcome fromReader(ReadResult<T> read, Function<T, Outcome> engine) {
    if (read.record().isPresent()) {
      return engine.apply(read.record().get());
    }
    FieldProblem problem = read.rejection().orElseThrow();
    return new Outcome.Rejected(problem.code(), problem.field(), problem.detail());
  }
}
