package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A ref a bank has used for an accepted record (R118, confirmations, R114): the fingerprint of the
 * record's content, the period its date falls in (whatever channel brought it), where it stands in
 * time order, whether it is itself a {@code REVERSAL} (and of what), and the {@code REVERSAL} that
 * reversed it, if any.
 */
public record UsedRef(
    RecordId id,
    String fingerprint,
    Period period,
    RecordPosition position,
    Optional<RecordId> reverses,
    Optional<RecordId> reversedBy) {

  public UsedRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(reverses, "reverses");
    Objects.requireNonNull(reversedBy, "reversedBy");
  }

  public boolean isReversal() {
    return reverses.isPresent();
  }

  public UsedRef withReversedBy(Optional<RecordId> reversal) {
    return new UsedRef(id, fingerprint, period, position, reverses, reversal);
  }
}
