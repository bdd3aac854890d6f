package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.DaemonThreads;
import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.ingestion.rules.TransferItem;
import cn.timebank.ingestion.rules.UsedRef;
import cn.timebank.standards.model.Participant;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the ledger task's state takes in the ledger of record ({@link StateSeed}). The database is
 * read on a thread of its own, never inside the task's open transaction (whose timeout is 10 s
 * under {@code exactly_once_v2}); the task's thread applies what was read for a bounded time per
 * {@link #step}, so that every transaction stays short:
 *
 * <ul>
 *   <li>At the first start of a state (no mark {@link StoreKeys#SEEDED}): everything, in parts (at
 *       most 16 read ahead). Until it is done the processor holds the events that arrive. When the
 *       last part is applied, every package stored when the load began is marked, and the state as
 *       loaded.
 *   <li>Afterwards: the packages stored since, one at a time, in parts (at most 16 read ahead: a
 *       package of any size is never held whole); the next is looked for as soon as one is applied,
 *       otherwise every {@link #LOOK_INTERVAL}. A package is marked ({@link StoreKeys#seeded}) with
 *       its last part. The rows of records and the participants that an event changed after the
 *       package's read began keep the state's own version (the database's copy was read before that
 *       change); the other rows are set, and postings are added under keys the state lacks.
 * </ul>
 *
 * A failed read is logged and tried again after a pause that grows to {@link #MOST_PAUSE}; a
 * package whose read fails waits so, while the packages after it go on. Marks and parts are written
 * in the task's transactions: after a crash, what was not committed is read again (applying a part
 * twice changes nothing). Not thread-safe: the task's thread calls it; only the database reads run
 * on the reader thread.
 */
final class StateIntake implements AutoCloseable {

  /** How often the database is asked for new packages when the last look found none. */
  static final Duration LOOK_INTERVAL = Duration.ofSeconds(2);

  /** The longest pause after failed reads. */
  static final Duration MOST_PAUSE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(StateIntake.class);
  private static final StringSerializer KEYS = new StringSerializer();

  /**
   * What the reader gives in the first load: a part, or applied events' ids; both null: the end.
   */
  private record Loaded(@Nullable Effects part, @Nullable List<StateSeed.AppliedEvent> events) {
    static final Loaded END = new Loaded(null, null);
  }

  /**
   * What the reader gives for the packages since, in order: the parts of one package, then its end
   * (no part, no failure); or why it could not be read; or nothing (no package id) when every
   * stored package is taken in.
   */
  private record Item(
      @Nullable String packageId, @Nullable Effects part, @Nullable Exception failure) {
    static final Item NOTHING = new Item(null, null, null);
  }

  private final StateSeed seed;
  private final LedgerState state;
  private final KeyValueStore<String, String> index;
  private final KeyValueStore<String, SeenEvent> eventIds;
  private final Set<String> marked = new HashSet<>();
  private final ExecutorService reader;

  // the first load
  /** The first load's parts and applied events as read, then {@link Loaded#END}. */
  private final BlockingQueue<Loaded> loadParts = new ArrayBlockingQueue<>(16);

  private @Nullable Future<Void> loader;
  private volatile List<String> loadPackages = List.of();
  private boolean loaded;
  private long loadStarted;
  private long loadPartsApplied;
  private long loadApplying;
  private long loadStepsWaiting;
  private long loadEvents;
  private long loadPause;
  private long loadRetryAt;

  // the packages since
  /** One package's parts as read (at most 16 ahead), then its end. */
  private final BlockingQueue<Item> packageParts = new ArrayBlockingQueue<>(16);

  private @Nullable Future<?> reading;
  private final Set<RecordId> changedByEvents = new HashSet<>();
  private final Set<List<String>> participantsChangedByEvents = new HashSet<>();
  private final Map<String, Long> pausedUntil = new HashMap<>();

  /** A package some parts of which are applied and whose end has not come (its read failed). */
  private @Nullable String partial;

  /**
   * Packages whose run stopped before its end (failed, or its process died), by the run's request
   * id: what the run committed is taken in, without marking the package (its receipt is to come).
   */
  private final Map<String, String> partsAsked = new LinkedHashMap<>();

  /** The request whose part is being read, if the read under way is one. */
  private @Nullable String readingPart;

  private final Map<String, Long> pauses = new HashMap<>();
  private long nextLook;
  private int keptOwn;

  StateIntake(
      StateSeed seed,
      LedgerState state,
      KeyValueStore<String, String> index,
      KeyValueStore<String, SeenEvent> eventIds) {
    this.seed = seed;
    this.state = state;
    this.index = index;
    this.eventIds = eventIds;
    this.loaded = index.get(StoreKeys.SEEDED) != null;
    String prefix = StoreKeys.seeded("");
    try (KeyValueIterator<String, String> marks = index.prefixScan(prefix, KEYS)) {
      marks.forEachRemaining(mark -> marked.add(mark.key.substring(prefix.length())));
    }
    this.reader = Executors.newSingleThreadExecutor(DaemonThreads.named("ledger-state-intake"));
  }

  /** Whether the state has taken in the ledger of record (everything, at its first start). */
  boolean ready() {
    return loaded;
  }

  /** Whether the state has taken in the database's package {@code packageId}. */
  boolean tookIn(String packageId) {
    return marked.contains(packageId);
  }

  /**
   * Asks for what the run {@code requestId} of package {@code packageId} committed before it
   * stopped (its participants and touched records so far): read before any other package, not
   * marked.
   */
  void takeInPart(String packageId, String requestId) {
    if (!tookInPart(requestId)) {
      partsAsked.putIfAbsent(requestId, packageId);
    }
  }

  /** Whether what the run {@code requestId} committed is taken in (its index row). */
  boolean tookInPart(String requestId) {
    return index.get(StoreKeys.partTaken(requestId)) != null;
  }

  /** An event's effects, applied by the task: what they change keeps the state's own version. */
  void changedByEvent(Effects effects) {
    if (reading != null) {
      changedByEvents.addAll(effects.touchedRecords());
      effects.participants().forEach(p -> participantsChangedByEvents.add(key(p)));
    }
  }

  /** Moves the intake on for about {@code budget} of the task's time. */
  void step(Duration budget) {
    long now = System.nanoTime();
    if (!loaded) {
      if (now >= loadRetryAt) {
        load(now + budget.toNanos());
      }
      return;
    }
    follow(now, now + budget.toNanos());
  }

  // ---- the first load ----

  private void load(long end) {
    if (loader == null) {
      loadParts.clear();
      loadStarted = System.nanoTime();
      loadPartsApplied = 0;
      loadApplying = 0;
      loadStepsWaiting = 0;
      loadEvents = 0;
      loader = reader.submit(this::readEverything);
    }
    while (System.nanoTime() < end) {
      Loaded part = loadParts.poll();
      if (part == null) {
        if (loader.isDone() && loadParts.isEmpty()) {
          loadFailed(loader); // the reader stopped without its end: read again after a pause
          loader = null;
        } else {
          loadStepsWaiting++; // the step ends early: the reader is behind
        }
        return;
      }
      if (part.events() != null) {
        takeIn(part.events());
        continue;
      }
      if (part.part() == null) {
        loadPackages.forEach(this::mark);
        index.put(StoreKeys.SEEDED, "");
        loaded = true;
        loader = null;
        LOG.info(
            "The live path's state took in the database: {} parts, {} packages, {} applied events,"
                + " in {} ms ({} ms applying them; {} steps ended early waiting for the database)",
            loadPartsApplied,
            loadPackages.size(),
            loadEvents,
            (System.nanoTime() - loadStarted) / 1_000_000,
            loadApplying / 1_000_000,
            loadStepsWaiting);
        return;
      }
      long applying = System.nanoTime();
      state.apply(part.part());
      loadApplying += System.nanoTime() - applying;
      loadPartsApplied++;
    }
  }

  /**
   * Event ids the database holds as applied: sent again, each is a re-send (a no-op), or R118 for
   * another record, as for the state that judged it. An id the state knows already keeps its entry.
   */
  private void takeIn(List<StateSeed.AppliedEvent> events) {
    for (StateSeed.AppliedEvent event : events) {
      Optional<EventTopic> topic = EventTopic.named(event.topic());
      String key = StoreKeys.eventId(event.bank(), event.eventId());
      if (topic.isPresent() && event.ref() != null && eventIds.get(key) == null) {
        eventIds.put(key, new SeenEvent(topic.get(), event.ref()));
      }
    }
    loadEvents += events.size();
  }

  /** On the reader thread: the packages first, then every part, the applied events, the end. */
  private Void readEverything() throws InterruptedException {
    loadPackages = seed.packages(); // before the rows: a later package is taken in later
    try {
      seed.everything(part -> put(loadParts, new Loaded(part, null)));
      seed.appliedEvents(events -> put(loadParts, new Loaded(null, List.copyOf(events))));
    } catch (Stopped e) {
      throw (InterruptedException) e.getCause();
    }
    loadParts.put(Loaded.END);
    return null;
  }

  /** The reader was stopped while it waited for room (the task closed). */
  private static final class Stopped extends RuntimeException {
    Stopped(InterruptedException cause) {
      super(cause);
    }
  }

  private void loadFailed(Future<?> read) {
    loadPause = nextPause(loadPause);
    loadRetryAt = System.nanoTime() + loadPause;
    try {
      read.get();
    } catch (ExecutionException e) {
      LOG.warn(
          "The live path could not read the database (tried again in {} s): {}",
          loadPause / 1_000_000_000,
          e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the packages since ----

  private void follow(long now, long end) {
    while (reading != null && System.nanoTime() < end) {
      Item item = packageParts.poll();
      if (item == null) {
        if (reading.isDone() && packageParts.isEmpty()) { // stopped without its end
          Exception why = stopped(reading);
          reading = null;
          String part = readingPart;
          readingPart = null;
          pause(partial != null || part == null ? partial : partsAsked.get(part), why);
        }
        break;
      }
      if (item.part() != null) {
        partial = item.packageId();
        warnOfOtherLines(item.part());
        state.apply(withoutChangedByEvents(item.part()));
        continue;
      }
      reading = null;
      String part = readingPart;
      readingPart = null;
      if (item.failure() != null) {
        pause(item.packageId(), item.failure());
      } else if (item.packageId() == null) {
        nextLook = now + LOOK_INTERVAL.toNanos();
      } else {
        partial = null;
        if (part != null) {
          partsAsked.remove(part);
          index.put(StoreKeys.partTaken(part), ""); // with the part's last rows, in one transaction
          pauses.remove(item.packageId());
          pausedUntil.remove(item.packageId());
          LOG.info(
              "The live path's state took in what the stopped run of package {} committed",
              item.packageId());
        } else {
          finish(item.packageId());
        }
        nextLook = now; // there may be more
      }
    }
    String asked = partial == null ? firstPartAsked(now) : null;
    if (reading == null && (now >= nextLook || asked != null)) {
      String again = partial != null ? partial : asked;
      if (again != null && pausedUntil.getOrDefault(again, 0L) > now) {
        return; // a package partly taken in is finished before any other is begun
      }
      readingPart = again == null ? null : partAskedOf(again);
      changedByEvents.clear();
      participantsChangedByEvents.clear();
      keptOwn = 0;
      packageParts.clear();
      Set<String> skip = new HashSet<>(marked);
      pausedUntil.forEach(
          (id, until) -> {
            if (until > now) {
              skip.add(id);
            }
          });
      reading = reader.submit(() -> readNextPackage(again, skip));
    }
  }

  /** The first package whose stopped run's part is asked for and not paused, if any. */
  private @Nullable String firstPartAsked(long now) {
    partsAsked.values().removeIf(marked::contains); // taken in whole meanwhile
    for (String packageId : partsAsked.values()) {
      if (pausedUntil.getOrDefault(packageId, 0L) <= now) {
        return packageId;
      }
    }
    return null;
  }

  /** The request whose part of {@code packageId} is asked for, if one is. */
  private @Nullable String partAskedOf(String packageId) {
    for (Map.Entry<String, String> asked : partsAsked.entrySet()) {
      if (asked.getValue().equals(packageId)) {
        return asked.getKey();
      }
    }
    return null;
  }

  /** Why the reader stopped without giving an end (an error the reader did not catch). */
  private static Exception stopped(Future<?> reading) {
    try {
      reading.get();
      return new IllegalStateException("the reader stopped without an end");
    } catch (ExecutionException e) {
      return e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
  }

  private void finish(String packageId) {
    mark(packageId);
    pauses.remove(packageId);
    pausedUntil.remove(packageId);
    LOG.info(
        "The live path's state took in package {}{}",
        packageId,
        keptOwn == 0
            ? ""
            : " ("
                + keptOwn
                + " records and participants changed by events meanwhile kept as they"
                + " are)");
    keptOwn = 0;
  }

  /**
   * On the reader thread: the parts of {@code only}, if given, else of the first stored package not
   * in {@code skip}, then its end; or why it could not be read; or nothing.
   */
  private Void readNextPackage(@Nullable String only, Set<String> skip)
      throws InterruptedException {
    String id = null;
    Item last;
    try {
      last = Item.NOTHING;
      for (String packageId : only != null ? List.of(only) : seed.packages()) {
        if (only != null || !skip.contains(packageId)) {
          id = packageId;
          String current = packageId;
          seed.ofPackage(packageId, part -> put(packageParts, new Item(current, part, null)));
          last = new Item(packageId, null, null);
          break;
        }
      }
    } catch (Stopped e) {
      throw (InterruptedException) e.getCause();
    } catch (RuntimeException e) {
      last = new Item(id, null, e);
    }
    packageParts.put(last);
    return null;
  }

  /** Puts on the reader thread, waiting for room; stopped when the task closes. */
  private static <T> void put(BlockingQueue<T> queue, T item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      throw new Stopped(e);
    }
  }

  private void pause(@Nullable String packageId, Exception failure) {
    String what = packageId == null ? "the list of packages" : "package " + packageId;
    long pause = nextPause(pauses.getOrDefault(String.valueOf(packageId), 0L));
    pauses.put(String.valueOf(packageId), pause);
    if (packageId != null) {
      pausedUntil.put(packageId, System.nanoTime() + pause);
    } else {
      nextLook = System.nanoTime() + pause;
    }
    LOG.warn(
        "The live path could not read {} from the database (tried again in {} s): {}",
        what,
        pause / 1_000_000_000,
        failure.toString());
  }

  private static long nextPause(long before) {
    return Math.min(MOST_PAUSE.toNanos(), before == 0 ? LOOK_INTERVAL.toNanos() : before * 2);
  }

  /**
   * The part without the rows (cap row, used ref, transfer item) of records and the participants
   * that events changed after the read began; their postings stay (added only under keys the state
   * lacks).
   */
  private Effects withoutChangedByEvents(Effects part) {
    if (changedByEvents.isEmpty() && participantsChangedByEvents.isEmpty()) {
      return part;
    }
    Set<RecordId> kept = new HashSet<>(part.touchedRecords());
    kept.retainAll(changedByEvents);
    List<Participant> participants =
        part.participants().stream()
            .filter(p -> !participantsChangedByEvents.contains(key(p)))
            .toList();
    keptOwn += kept.size() + part.participants().size() - participants.size();
    if (kept.isEmpty() && participants.size() == part.participants().size()) {
      return part;
    }
    return new Effects(
        participants,
        part.postings(), // added under keys the state lacks: its own keys stay
        part.credited().stream().filter((CreditedService c) -> !kept.contains(c.id())).toList(),
        part.uncredited().stream().filter(id -> !kept.contains(id)).toList(),
        part.used().stream().filter((UsedRef u) -> !kept.contains(u.id())).toList(),
        part.released().stream().filter(id -> !kept.contains(id)).toList(),
        part.transfers().stream().filter((TransferItem t) -> !kept.contains(t.id())).toList(),
        part.transfersRemoved().stream().filter(id -> !kept.contains(id)).toList(),
        part.firstPackage());
  }

  private static List<String> key(Participant participant) {
    return List.of(participant.bankCode().value(), participant.participantRef());
  }

  /**
   * A posting the database holds under a key the state holds with other lines: the package and an
   * event changed the same record at the same time (two writers; ingestion/README). The state keeps
   * its own; the difference is logged for the operator.
   */
  private void warnOfOtherLines(Effects part) {
    for (Posting posting : part.postings()) {
      for (Posting own : state.postingsOf(posting.source())) {
        if (own.idempotencyKey().equals(posting.idempotencyKey())
            && !own.lines().equals(posting.lines())) {
          LOG.warn(
              "Posting {} is in the database with other lines than in the live path's state ({}"
                  + " against {}): a package and an event changed the same record at the same"
                  + " time; the live path keeps its own",
              posting.idempotencyKey(),
              posting.lines(),
              own.lines());
        }
      }
    }
  }

  private void mark(String packageId) {
    index.put(StoreKeys.seeded(packageId), "");
    marked.add(packageId);
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
