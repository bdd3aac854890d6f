package cn.timebank.standards.hours.storage;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.minutes.StandardMinutes;
import java.util.List;
import java.util.Objects;

/**
 * A credit split by the storage cap (spec §3.5): what the participant keeps, what the pool gets.
 */
public record StorageSplit(StandardMinutes toParticipant, StandardMinutes toPool) {

  public StorageSplit {
    Objects.requireNonNull(toParticipant, "toParticipant");
    Objects.requireNonNull(toPool, "toPool");
    if (toParticipant.isNegative() || toPool.isNegative()) {
      throw new IllegalArgumentException("a split credit is never negative");
    }
  }

  /** W203: the cap was reached and the excess went to the pool. */
  public boolean capReached() {
    return toPool.isPositive();
  }

  public List<ResultCode> warnings() {
    return capReached() ? List.of(ResultCode.W203) : List.of();
  }
}
