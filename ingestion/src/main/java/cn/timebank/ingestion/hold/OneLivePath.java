package cn.timebank.ingestion.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A database takes events from one live path. A live path is a ledger topology on one Kafka
 * cluster: its state stores hold what its own events did. A second one on another broker (a {@code
 * stream-replay} or a {@code serve --embedded-kafka} started beside a running {@code serve} on the
 * same database) would judge its events without the first one's — a ref used by both, a daily cap
 * crossed by the two together, a participant one of them registered — and both would write the
 * ledger. So a live path about to start asks first: while another live path's ledger task said
 * within {@link PackageHolds#FRESH} that it runs, it does not start.
 *
 * <p>Instances of one live path (the same application id on the same cluster: Kafka gives its
 * ledger task to one of them at a time) share its {@linkplain #name name} and do not stop each
 * other. A live path that stopped removes its heartbeat; one whose process died is forgotten once
 * its heartbeat is older than {@link PackageHolds#FRESH}.
 */
public final class OneLivePath {

  private final LiveHoldStore store;
  private final Clock clock;

  public OneLivePath(LiveHoldStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The name of the live path of {@code applicationId} on the cluster {@code servers}. */
  public static String name(String applicationId, String servers) {
    return applicationId + "@" + servers;
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

  /** Another live path runs on the database: {@code livePath} (null: unnamed) said so lately. */
  public static final class AnotherLivePath extends IllegalStateException {

    private final @Nullable String livePath;

    AnotherLivePath(@Nullable String livePath, long secondsAgo) {
      super(
          "another live path takes events into this database"
              + (livePath == null ? "" : " (" + livePath + ")")
              + ": its ledger topology said "
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
