package cn.timebank.ingestion.hold;

import cn.timebank.ingestion.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database takes events from one live path. A live path is a ledger topology on one Kafka
 * cluster: its state stores hold what its own events did. A second one on another broker (a {@code
 * stream-replay} or a {@code serve --embedded-kafka} started beside a running {@code serve} on the
 * same database) would judge its events without the first one's — a ref used by both, a daily cap
 * crossed by the two together, a participant one of them registered — and both would write the
 * ledger. So a live path about to start asks first: while another live path said within {@link
 * PackageHolds#FRESH} that it runs, it does not start.
 *
 * <p>Instances of one live path (the same application id on the same cluster: Kafka gives its
 * ledger task to one of them at a time) share its {@linkplain #name name} and do not stop each
 * other. A live path says that it runs from the moment it passed the check ({@link #enter}), before
 * its ledger task runs, and its task says so too; both rows go when it stops, and those of a
 * process that died are forgotten once older than {@link PackageHolds#FRESH}.
 */
public final class OneLivePath {

  private static final Logger LOG = LoggerFactory.getLogger(OneLivePath.class);

  private final LiveHoldStore store;
  private final Clock clock;

  public OneLivePath(LiveHoldStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The name of the live path of {@code applicationId} on the cluster {@code servers}: the
   * bootstrap list in lower case, sorted, so that instances listing their brokers in another order
   * share it.
   */
  public static String name(String applicationId, String servers) {
    return applicationId
        + "@"
        + Arrays.stream(servers.split(","))
            .map(String::trim)
            .filter(server -> !server.isEmpty())
            .map(server -> server.toLowerCase(Locale.ROOT))
            .sorted()
            .collect(Collectors.joining(","));
  }

  /**
   * Returns normally when no live path other than {@code ours} (any other when it is null: a live
   * path on a broker not started yet) runs on the database.
   *
   * @throws AnotherLivePath when one does
   */
  public void ensureNoOther(@Nullable String ours) {
    Instant now = clock.instant();
    List<LiveHoldStore.LiveSeen> others = store.othersSince(ours, now.minus(PackageHolds.FRESH));
    if (!others.isEmpty()) {
      LiveHoldStore.LiveSeen other = others.get(0);
      throw new AnotherLivePath(
          other.livePath(), Duration.between(other.seenAt(), now).toSeconds());
    }
  }

  /**
   * Says, for as long as the returned presence is open, that the live path {@code name} runs: at
   * once and every second, whether its ledger task has started yet or not (a broker starting, a
   * rebalance, a restore) — the task's own heartbeat begins only once it runs. Checks again once
   * its first word is written, so that of two live paths started at the same moment at least one
   * stops; and says in the log (once per other live path) when another one appears later.
   *
   * @throws AnotherLivePath when another live path said lately that it runs
   */
  public Presence enter(String name) {
    String instance = "path-" + UUID.randomUUID();
    store.seen(instance, name, clock.instant());
    try {
      ensureNoOther(name);
    } catch (AnotherLivePath e) {
      store.left(instance);
      throw e;
    }
    return new Presence(instance, name);
  }

  /** A live path's word that it runs, renewed every second until closed. */
  public final class Presence implements AutoCloseable {

    private final String instance;
    private final String name;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewing;

    private Presence(String instance, String name) {
      this.instance = instance;
      this.name = name;
      this.renewing =
          Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-path-presence"));
      renewing.scheduleWithFixedDelay(this::renew, 1, 1, TimeUnit.SECONDS);
    }

    private void renew() {
      try {
        Instant now = clock.instant();
        store.seen(instance, name, now);
        for (LiveHoldStore.LiveSeen other :
            store.othersSince(name, now.minus(PackageHolds.FRESH))) {
          if (warned.add(String.valueOf(other.livePath()))) {
            LOG.error(
                "another live path takes events into this database beside {}: {} (two writers:"
                    + " stop one of them)",
                name,
                other.livePath() == null ? "(unnamed)" : other.livePath());
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("live path {}: could not renew its word in live_paths", name, e);
      }
    }

    @Override
    public void close() {
      renewing.shutdownNow();
      try {
        renewing.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      store.left(instance);
    }
  }

  /** Another live path runs on the database: {@code livePath} (null: unnamed) said so lately. */
  public static final class AnotherLivePath extends IllegalStateException {

    private final @Nullable String livePath;

    AnotherLivePath(@Nullable String livePath, long secondsAgo) {
      super(
          "another live path takes events into this database"
              + (livePath == null ? "" : " (" + livePath + ")")
              + ": it said "
              + Math.max(0, secondsAgo)
              + " s ago that it runs; a live path that stopped without a word is forgotten "
              + PackageHolds.FRESH.toSeconds()
              + " s after its last");
      this.livePath = livePath;
    }

    /** The other live path's name, {@code applicationId@servers}, when it gave one. */
    public @Nullable String livePath() {
      return livePath;
    }

    /** The other live path's cluster, when it gave its name. */
    public @Nullable String servers() {
      return livePath == null || livePath.indexOf('@') < 0
          ? null
          : livePath.substring(livePath.indexOf('@') + 1);
    }
  }
}
