package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.Period;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checks against earlier packages of the same bank and period, in this order: P007 (the same
 * sequence already received, not rejected, with another sha256), P011 (a correction, sequence &ge;
 * 2, after the correction window, {@link DueDates#isCorrectionTooLate}), P012 (a new period must
 * start at 1, a later package must be the last accepted sequence + 1). P011 before P012 (decision):
 * a correction out of its window is refused whatever its order, so no re-numbering can make it
 * acceptable; it is also the lower code, as for records (spec §4), and what the simulator's truth
 * expects.
 */
final class SequenceCheck {

  private final PackageHistory history;
  private final DueDates dueDates;

  SequenceCheck(PackageHistory history, DueDates dueDates) {
    this.history = history;
    this.dueDates = dueDates;
  }

  void check(Manifest manifest, Period period, String sha256, Instant receivedAt) throws Rejection {
    List<PriorPackage> prior = history.accepted(manifest.bankCode(), period);
    int sequence = manifest.sequence();
    Optional<PriorPackage> same = prior.stream().filter(p -> p.sequence() == sequence).findFirst();
    if (same.isPresent() && !same.get().sha256().equals(sha256)) {
      throw reject(
          ResultCode.P007,
          "sequence "
              + sequence
              + " of "
              + manifest.bankCode()
              + " "
              + period
              + " was received as "
              + same.get().receiptId()
              + " with sha256 "
              + same.get().sha256()
              + "; this package has "
              + sha256);
    }
    if (sequence >= 2 && dueDates.isCorrectionTooLate(period.month(), receivedAt)) {
      throw reject(
          ResultCode.P011,
          "the correction window of "
              + period
              + " closed at "
              + dueDates.correctionWindowEnd(period.month()).toOffsetDateTime());
    }
    int last = prior.stream().mapToInt(PriorPackage::sequence).max().orElse(0);
    if (same.isPresent()) {
      throw reject(
          ResultCode.P012,
          "sequence "
              + sequence
              + " was already accepted as "
              + same.get().receiptId()
              + " with this very content (an identical re-delivery returns that receipt)");
    }
    if (sequence != last + 1) {
      throw reject(
          ResultCode.P012,
          last == 0
              ? "a new period starts with sequence 1 (was " + sequence + ")"
              : "expected sequence " + (last + 1) + " after " + last + " (was " + sequence + ")");
    }
  }

  private static Rejection reject(ResultCode code, String detail) {
    return new Rejection(Rejected.atField(code, PackageNames.MANIFEST, "sequence", detail));
  }
}
