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
 */
public record Hold(
    String packageId,
    String requestId,
    Instant requestedAt,
    Instant leaseUntil,
    @Nullable Instant heldAt,
    @Nullable Instant doneAt) {

  /** Whether the live path holds for it at {@code now}: requested, not done and its lease valid. */
  public boolean open(Instant now) {
    return doneAt == null && leaseUntil.isAfter(now);
  }
}
