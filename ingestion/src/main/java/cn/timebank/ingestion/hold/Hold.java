package cn.timebank.ingestion.hold;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A package's hold on the live path, as the database keeps it ({@code live_holds}).
 *
 * @param requestId one run's request: a restarted run asks again under a new id, and the live path
 *     acknowledges each
 * @param leaseUntil the batch renews it while it runs; once past (its process died) the hold ends
 * @param heldAt when the database had every event the live path judged before it began to hold
 * @param doneAt when the package's receipt was stored; the live path holds until it has taken the
 *     package in
 * @param failedAt when the run failed; the live path takes in what it committed, then judges again
 */
public record Hold(
    String packageId,
    String requestId,
    Instant requestedAt,
    Instant leaseUntil,
    @Nullable Instant heldAt,
    @Nullable Instant doneAt,
    @Nullable Instant failedAt) {

  /**
   * Whether the run goes on at {@code now}: requested, neither done nor failed, its lease valid.
   */
  public boolean open(Instant now) {
    return doneAt == null && failedAt == null && leaseUntil.isAfter(now);
  }

  /** The run ended (done or failed) at this time, if it did. */
  public @Nullable Instant ended() {
    return doneAt != null ? doneAt : failedAt;
  }
}
