package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.StateSeed;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
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
 * under {@code exactly_once_v2}); the task's thread applies what was read, a bounded amount per
 * call, so that every transaction stays short:
 *
 * <ul>
 *   <li>{@link #load}: at the first start of a state (no mark {@link StoreKeys#SEEDED}),
 *       everything, in parts (at most 16 read ahead). Until it is done the processor holds the
 *       events that arrive. When the last part is applied, every package stored when the load began
 *       is marked, and the state as loaded.
 *   <li>{@link #tick}, every few seconds afterwards: the packages stored since, one at a time, at
 *       most {@link #RECORDS_PER_TICK} records per tick; a package is marked ({@link
 *       StoreKeys#seeded}) with its last part.
 * </ul>
 *
 * A failed read is logged and tried again. Marks and parts are written in the task's transactions:
 * after a crash, what was not committed is read again (applying a part twice changes nothing). Not
 * thread-safe: the task's thread calls it; only the database reads run on the reader thread.
 */
final class StateIntake implements AutoCloseable {

  /** Records (and participants) applied per tick at most. */
  static final int RECORDS_PER_TICK = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(StateIntake.class);
  private static final StringSerializer KEYS = new StringSerializer();

  /** A part of a package read from the database; the last one marks the package. */
  private record Part(String packageId, Effects effects, boolean last) {}

  private final StateSeed seed;
  private final LedgerState state;
  private final KeyValueStore<String, String> index;

  private final Set<String> marked = new HashSet<>();
  private final Deque<Part> read = new ArrayDeque<>();

  /** The first load's parts as read, then an empty one: the end. */
  private final BlockingQueue<Optional<Effects>> parts = new ArrayBlockingQueue<>(16);

  private final ExecutorService reader;
  private @Nullable Future<List<Part>> reading;
  private @Nullable Future<Void> loader;
  private volatile List<String> loadPackages = List.of();
  private boolean loaded;
  private long loadStarted;
  private long loadParts;

  StateIntake(StateSeed seed, LedgerState state, KeyValueStore<String, String> index) {
    this.seed = seed;
    this.state = state;
    this.index = index;
    this.loaded = index.get(StoreKeys.SEEDED) != null;
    try (KeyValueIterator<String, String> marks = index.prefixScan(StoreKeys.seeded(""), KEYS)) {
      marks.forEachRemaining(mark -> marked.add(mark.key.substring(StoreKeys.seeded("").length())));
    }
    this.reader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "ledger-state-intake");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Whether the state has taken in the ledger of record (everything, at its first start). */
  boolean ready() {
    return loaded;
  }

  /**
   * Moves the first load on for about {@code budget}: starts the reader when it is not running,
   * applies the parts it has read so far, and when the last is applied marks every package stored
   * when the load began, and the state as loaded.
   */
  void load(Duration budget) {
    if (loaded) {
      return;
    }
    if (loader == null) {
      parts.clear();
      loadStarted = System.nanoTime();
      loadParts = 0;
      loader = reader.submit(this::readEverything);
    }
    long end = System.nanoTime() + budget.toNanos();
    while (System.nanoTime() < end) {
      Optional<Effects> part = parts.poll();
      if (part == null) {
        if (loader.isDone() && parts.isEmpty()) {
          failed(loader); // the reader stopped without its end: read again next time
          loader = null;
        }
        return;
      }
      if (part.isEmpty()) {
        loadPackages.forEach(this::mark);
        index.put(StoreKeys.SEEDED, "");
        loaded = true;
        loader = null;
        LOG.info(
            "The live path's state took in the database: {} parts, {} packages, in {} ms",
            loadParts,
            loadPackages.size(),
            (System.nanoTime() - loadStarted) / 1_000_000);
        return;
      }
      state.apply(part.get());
      loadParts++;
    }
  }

  /** On the reader thread: the packages first, then every part, then the end. */
  private Void readEverything() throws InterruptedException {
    loadPackages = seed.packages(); // before the rows: a later package is taken in later
    try {
      seed.everything(
          part -> {
            try {
              parts.put(Optional.of(part));
            } catch (InterruptedException e) {
              throw new Stopped(e);
            }
          });
    } catch (Stopped e) {
      throw (InterruptedException) e.getCause();
    }
    parts.put(Optional.empty());
    return null;
  }

  /** The reader was stopped while it waited for room (the task closed). */
  private static final class Stopped extends RuntimeException {
    Stopped(InterruptedException cause) {
      super(cause);
    }
  }

  private static void failed(Future<?> read) {
    try {
      read.get();
    } catch (ExecutionException e) {
      LOG.warn(
          "The live path could not read the database (tried again shortly): {}",
          e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Applies what was read (up to {@link #RECORDS_PER_TICK}) and starts the next read. */
  void tick() {
    if (reading != null && reading.isDone()) {
      try {
        read.addAll(reading.get());
      } catch (ExecutionException e) {
        LOG.warn(
            "The live path could not read the database's new packages (tried again in a few"
                + " seconds): {}",
            e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        reading = null;
      }
    }
    int budget = RECORDS_PER_TICK;
    while (!read.isEmpty() && budget > 0) {
      Part part = read.poll();
      if (marked.contains(part.packageId())) {
        continue; // taken in by a read before this one
      }
      warnOfOtherLines(part.effects());
      state.apply(part.effects());
      budget -= part.effects().touchedRecords().size() + part.effects().participants().size();
      if (part.last()) {
        mark(part.packageId());
        LOG.info("The live path's state took in package {}", part.packageId());
      }
    }
    if (reading == null && read.isEmpty()) {
      Set<String> known = Set.copyOf(marked);
      reading = reader.submit(() -> nextPackage(known));
    }
  }

  /** The parts of the first stored package not in {@code known} (none when there is none). */
  private List<Part> nextPackage(Set<String> known) {
    for (String id : seed.packages()) {
      if (!known.contains(id)) {
        List<Part> parts = new ArrayList<>();
        seed.ofPackage(id, effects -> parts.add(new Part(id, effects, false)));
        parts.add(new Part(id, Effects.NONE, true));
        return parts;
      }
    }
    return List.of();
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
