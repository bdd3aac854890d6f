package cn.timebank.ledger.store;

import cn.timebank.ledger.entry.Line;
import java.util.List;

/**
 * A posting of the record engine as indexed in {@code engine_postings}, with its lines read back
 * from {@code ledger_entries}: the record it belongs to ({@code source}), where the record arrived
 * ({@code sourceId}), why ({@code postingKind}), its number among the record's postings and its
 * position in time order.
 */
public record IndexedPosting(
    String idempotencyKey,
    RecordKey source,
    String sourceId,
    String postingKind,
    int postingNo,
    Position position,
    List<Line> lines) {

  public IndexedPosting {
    lines = List.copyOf(lines);
  }
}
