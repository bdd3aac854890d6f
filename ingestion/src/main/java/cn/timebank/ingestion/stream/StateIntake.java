package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.StateSeed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the ledger task's state takes in the ledger of record ({@link StateSeed}):
 *
 * <ul>
 *   <li>{@link #everythingIfNew}: at the first start of a state (no mark {@link StoreKeys#SEEDED}),
 *       everything, before the first event is judged. The database is read whole first and only
 *       then written to the stores, so that the reading does not count against the transaction's
 *       timeout; the writing must fit in it (Kafka Streams: 10 s under {@code exactly_once_v2}).
 *   <li>{@link #tick}, by a wall-clock punctuation: the packages stored since. The database is read
 *       on a thread of its own (never inside the task's open transaction), one package at a time;
 *       its parts are applied at most {@link #RECORDS_PER_TICK} records per tick, and the package
 *       is marked ({@link StoreKeys#seeded}) with its last part. A failed read is logged and tried
 *       again at the next tick.
 * </ul>
 *
 * Marks and parts are written in the task's transactions: after a crash, what was not committed is
 * read again (applying a part twice changes nothing). Not thread-safe: the task's thread calls it;
 * only the database reads run on the reader thread.
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
  private final ExecutorService reader;
  private Future<List<Part>> reading;

  StateIntake(StateSeed seed, LedgerState state, KeyValueStore<String, String> index) {
    this.seed = seed;
    this.state = state;
    this.index = index;
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

  /** Takes in everything when the state has never taken in the ledger of record. */
  void everythingIfNew() {
    if (index.get(StoreKeys.SEEDED) != null) {
      return;
    }
    long started = System.nanoTime();
    List<String> packages = seed.packages(); // before the rows: a later one is taken in later
    List<Effects> parts = new ArrayList<>();
    seed.everything(parts::add);
    long writing = System.nanoTime();
    parts.forEach(state::apply);
    packages.forEach(this::mark);
    index.put(StoreKeys.SEEDED, "");
    LOG.info(
        "The live path's state took in the database: {} parts, {} packages, in {} ms ({} ms"
            + " reading the database, {} ms writing the stores)",
        parts.size(),
        packages.size(),
        (System.nanoTime() - started) / 1_000_000,
        (writing - started) / 1_000_000,
        (System.nanoTime() - writing) / 1_000_000);
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
      }
      reading = null;
    }
    int budget = RECORDS_PER_TICK;
    while (!read.isEmpty() && budget > 0) {
      Part part = read.poll();
      if (marked.contains(part.packageId())) {
        continue; // taken in by a read before this one
      }
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

  private void mark(String packageId) {
    index.put(StoreKeys.seeded(packageId), "");
    marked.add(packageId);
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
