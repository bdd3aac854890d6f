package cn.timebank.ingestion.hold;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the live path's ledger task reads of the holds, on a thread of its own (never inside the
 * task's transaction): every {@link #look}, it says that it runs and reads the holds.
 */
public interface LiveHolds {

  /** No database: nothing is ever held (a topology on its own). */
  LiveHolds NONE =
      new LiveHolds() {
        @Override
        public List<Hold> look(String instance, Instant now) {
          return List.of();
        }

        @Override
        public void leave(String instance) {}
      };

  /** The task {@code instance} runs at {@code now}; the holds the database keeps. */
  List<Hold> look(String instance, Instant now);

  /** The task {@code instance} stopped. */
  void leave(String instance);

  /** The holds of the database, for a live path that gives no name. */
  static LiveHolds of(LiveHoldStore store) {
    return of(store, null);
  }

  /**
   * The holds of the database, for the live path {@code livePath} (its tasks' heartbeats carry the
   * name: {@link OneLivePath}).
   */
  static LiveHolds of(LiveHoldStore store, @Nullable String livePath) {
    return new LiveHolds() {
      @Override
      public List<Hold> look(String instance, Instant now) {
        store.seen(instance, livePath, now);
        return store.all();
      }

      @Override
      public void leave(String instance) {
        store.left(instance);
      }
    };
  }
}
