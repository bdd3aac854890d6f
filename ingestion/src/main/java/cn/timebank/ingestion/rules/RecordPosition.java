package cn.timebank.ingestion.rules;

import cn.timebank.standards.hours.provider.CodePointOrder;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a record stands in the time order of spec §3.8: services by {@code start}, transactions by
 * {@code occurred_at}; at equal times services before transactions, then by ref in code-point
 * order. Balances are evaluated in this order (R115), whatever the order of arrival.
 */
public record RecordPosition(LocalDateTime at, RecordKind kind, String ref)
    implements Comparable<RecordPosition> {

  /** The order of spec §3.8. */
  public static final Comparator<RecordPosition> TIME_ORDER =
      Comparator.comparing(RecordPosition::at)
          .thenComparing(RecordPosition::kind)
          .thenComparing(RecordPosition::ref, CodePointOrder.INSTANCE);

  public RecordPosition {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
  }

  @Override
  public int compareTo(RecordPosition other) {
    return TIME_ORDER.compare(this, other);
  }
}
