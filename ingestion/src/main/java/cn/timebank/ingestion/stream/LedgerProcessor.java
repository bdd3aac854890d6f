package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.hold.LiveHolds;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.RecordContext;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.ingestion.rules.TimedRecord;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The one stateful step: every readable event, in the total order of the ordered topic, through the
 * record engine against the {@link StoreLedgerState}.
 *
 * <ul>
 *   <li>What the database holds and the state does not, through {@link StateIntake}: everything at
 *       the first start of the state (events arriving meanwhile wait in {@link LedgerStores#HELD},
 *       in arrival order, and are judged once it is done), then every few seconds the packages
 *       stored since. While a package is applied, events wait likewise until it is taken in ({@link
 *       HoldWatch}: one writer at a time).
 *   <li>An event id already applied (accepted or confirmed) by the bank: a re-send, a no-op; the
 *       same id for another record: R118 on {@code event_id}. A rejected event is not remembered:
 *       sent again (the same id, say after its participant arrived) it is judged afresh, as a
 *       rejected package may be delivered again.
 *   <li>The bank no longer ACTIVE in the registry: P003.
 *   <li>Accepted: the effects are applied, every posting goes to {@link Topics#LEDGER}, every W
 *       code to {@link Topics#ALERTS}. Confirmed (the same record again, spec §5): nothing is
 *       posted. Rejected: the one code to {@link Topics#REJECTS}.
 * </ul>
 *
 * An exception here is a defect or a broken store, not a bad event (those are values by now): it
 * fails the task, and exactly-once processing aborts the transaction, so nothing half-applied is
 * ever committed.
 */
final class LedgerProcessor implements Processor<String, LedgerEvent, String, StreamOutput> {

  /** How often the intake and the held events move on ({@link StateIntake#step}). */
  static final Duration STEP_INTERVAL = Duration.ofMillis(100);

  /** Time given to the intake per step (the transaction commits every second in between). */
  static final Duration STEP_BUDGET = Duration.ofMillis(300);

  /**
   * Time given to the first load per step: no event is judged meanwhile (they are held), so the
   * load takes most of each commit interval; a step still ends well inside the transaction's
   * timeout.
   */
  static final Duration LOAD_BUDGET = Duration.ofMillis(900);

  /** Held events judged per call once the first load is done. */
  static final int RELEASED_PER_CALL = 1_000;

  private final StreamConfig config;
  private ProcessorContext<String, StreamOutput> context;
  private LedgerState state;
  private @Nullable StateIntake intake;
  private @Nullable HoldWatch holds;
  private KeyValueStore<String, LedgerEvent> held;
  private long firstHeld;
  private long nextHeld;
  private long heldCount;
  private @Nullable Cancellable stepping;
  private KeyValueStore<String, SeenEvent> eventIds;

  LedgerProcessor(StreamConfig config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, StreamOutput> context) {
    if (context.taskId().partition() != 0) {
      // The ledger's state must be one task's: a second task would hold a second, partial ledger.
      throw new IllegalStateException(
          "the ledger task "
              + context.taskId()
              + " reads partition "
              + context.taskId().partition()
              + ": the live path's input topics have more than one partition, and the topology"
              + " was built for one (LedgerTopology.Layout.ONE_TASK); restart it so that it"
              + " repartitions");
    }
    this.context = context;
    LedgerStores.requireCurrentLayout(
        context.getStateStore(LedgerStores.RECORDS), context.getStateStore(LedgerStores.BALANCES));
    StoreLedgerState.Stores stores = LedgerStores.from(context);
    this.state = new StoreLedgerState(stores);
    this.eventIds = context.getStateStore(LedgerStores.EVENT_IDS);
    this.held = context.getStateStore(LedgerStores.HELD);
    if (stepping != null) {
      stepping.cancel(); // an earlier start of this task
    }
    if (intake != null) {
      intake.close();
      intake = null;
    }
    if (holds != null) {
      holds.close();
      holds = null;
    }
    firstHeld = -1;
    nextHeld = 0;
    heldCount = 0;
    try (KeyValueIterator<String, LedgerEvent> it = held.all()) {
      while (it.hasNext()) {
        long n = StoreKeys.heldNumber(it.next().key);
        firstHeld = firstHeld < 0 ? n : firstHeld;
        nextHeld = n + 1;
        heldCount++;
      }
    }
    firstHeld = Math.max(firstHeld, 0);
    if (config.seed() != StateSeed.NONE) {
      this.intake = new StateIntake(config.seed(), state, stores.index(), eventIds);
      if (config.holds() != LiveHolds.NONE) {
        this.holds = new HoldWatch(config.holds(), stores.index());
      }
    }
    if (intake != null || heldCount > 0) {
      stepping = context.schedule(STEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> step());
    }
  }

  /**
   * The intake's step, the holds for packages being applied, then held events once the state has
   * taken in the database and no package is held for.
   */
  private void step() {
    if (intake != null) {
      intake.step(intake.ready() ? STEP_BUDGET : LOAD_BUDGET);
      if (holds != null) {
        for (HoldMark mark : holds.step(intake)) {
          // after every output of the events judged before: the sink acknowledges it after them
          context.forward(new Record<>(mark.packageId(), mark, context.currentSystemTimeMs()));
        }
      }
    }
    if (heldCount > 0 && mayJudge()) {
      release();
    }
  }

  /**
   * Whether the state may judge events: it has taken in the database (or has none to take in), and
   * no package is being applied or waits to be taken in ({@link HoldWatch}).
   */
  private boolean mayJudge() {
    return intake == null || (intake.ready() && (holds == null || !holds.holding()));
  }

  @Override
  public void close() {
    if (stepping != null) {
      stepping.cancel();
    }
    if (intake != null) {
      intake.close();
    }
    if (holds != null) {
      holds.close();
    }
  }

  @Override
  public void process(Record<String, LedgerEvent> record) {
    if (!mayJudge() || heldCount > 0) {
      // the state is taking in the database, or events held meanwhile are not all judged yet: the
      // event waits, in arrival order, in a store
      held.put(StoreKeys.held(nextHeld++), record.value());
      heldCount++;
      if (mayJudge()) {
        release();
      }
      return;
    }
    judge(record);
  }

  /** Judges the next held events, in arrival order ({@link #RELEASED_PER_CALL} at most). */
  private void release() {
    List<KeyValue<String, LedgerEvent>> next = new ArrayList<>();
    try (KeyValueIterator<String, LedgerEvent> it =
        held.range(StoreKeys.held(firstHeld), StoreKeys.held(Long.MAX_VALUE))) {
      while (it.hasNext() && next.size() < RELEASED_PER_CALL) {
        next.add(it.next());
      }
    }
    for (KeyValue<String, LedgerEvent> event : next) {
      held.delete(event.key);
      heldCount--;
      firstHeld = StoreKeys.heldNumber(event.key) + 1;
      judge(new Record<>(event.key, event.value, context.currentSystemTimeMs()));
    }
  }

  private void judge(Record<String, LedgerEvent> record) {
    LedgerEvent event = record.value();
    String idKey = StoreKeys.eventId(event.bank(), event.eventId());
    SeenEvent seen = eventIds.get(idKey);
    if (seen != null) {
      if (!seen.sameRecordAs(event)) {
        reject(
            record,
            event,
            ResultCode.R118,
            "event_id",
            "was used for " + seen.topic().topic() + " " + seen.ref());
      }
      return;
    }
    Optional<BankRegistryEntry> bank =
        config.registry().find(event.bank()).filter(b -> b.status().acceptsPackages());
    if (bank.isEmpty()) {
      reject(record, event, ResultCode.P003, "bank_code", "is not an ACTIVE bank of the registry");
      return;
    }
    RecordContext recordContext =
        RecordContext.ofEvent(bank.get(), event.eventId(), event.receivedAt());
    Outcome outcome = apply(config.engine(), event.record(), recordContext);
    if (outcome instanceof Outcome.Rejected rejected) {
      reject(record, event, rejected.code(), rejected.field(), rejected.detail());
      return;
    }
    if (outcome instanceof Outcome.Accepted accepted) {
      state.apply(accepted.effects());
      if (intake != null) {
        intake.changedByEvent(accepted.effects());
      }
      for (Posting posting : accepted.effects().postings()) {
        forward(record, posting.bankCode().value(), LedgerEntry.of(posting));
      }
      for (ResultCode warning : accepted.warnings()) {
        forward(
            record,
            event.bank().value(),
            AlertRecord.of(
                event.eventId(),
                event.bank(),
                event.ref(),
                warning,
                accepted.notes().get(warning)));
      }
    }
    forward(
        record,
        event.bank().value(),
        new AppliedRecord(
            event.eventId(),
            event.topic(),
            event.bank().value(),
            event.ref(),
            event.receivedAt(),
            outcome instanceof Outcome.Confirmed,
            outcome instanceof Outcome.Accepted a1
                ? a1.warnings().stream().map(ResultCode::name).toList()
                : List.of(),
            event.record(),
            outcome instanceof Outcome.Accepted a2 ? a2.effects() : Effects.NONE));
    eventIds.put(idKey, new SeenEvent(event.topic(), event.ref()));
  }

  private Outcome apply(RecordEngine engine, TimedRecord timed, RecordContext recordContext) {
    if (timed instanceof TimedRecord.OfParticipant p) {
      return engine.participant(p.participant(), List.of(), recordContext, state);
    }
    if (timed instanceof TimedRecord.OfService s) {
      return engine.service(s.service(), List.of(), recordContext, state);
    }
    TimedRecord.OfTransaction t = (TimedRecord.OfTransaction) timed;
    return engine.transaction(t.transaction(), List.of(), recordContext, state);
  }

  private void reject(
      Record<String, LedgerEvent> record,
      LedgerEvent event,
      ResultCode code,
      String field,
      String detail) {
    RejectRecord reject =
        RejectRecord.of(
            event.eventId(),
            event.topic(),
            event.bank().value(),
            event.ref(),
            code,
            field,
            detail,
            event.echo());
    forward(record, event.bank().value(), reject);
  }

  private void forward(Record<String, LedgerEvent> record, String key, StreamOutput output) {
    context.forward(record.withKey(key).withValue(output));
  }
}
