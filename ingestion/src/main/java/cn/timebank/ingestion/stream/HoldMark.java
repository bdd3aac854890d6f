package cn.timebank.ingestion.stream;

import java.util.Objects;

/**
 * The ledger processor holds the events that arrive while package {@code packageId} is applied (its
 * run's request {@code requestId}), and every event it judged before is ahead of this mark on
 * {@link Topics#RECORDS}: the database sink, reaching it, acknowledges the request ({@code
 * LiveHoldStore#held}), and the package's run goes on.
 */
public record HoldMark(String packageId, String requestId) implements StreamOutput, SinkRecord {

  public HoldMark {
    Objects.requireNonNull(packageId, "packageId");
    Objects.requireNonNull(requestId, "requestId");
  }
}
