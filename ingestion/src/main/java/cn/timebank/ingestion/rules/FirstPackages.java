package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.Period;
import java.util.Optional;

/**
 * R119's memory: the first package with an accepted record becomes the bank's first accepted
 * package (a package with an accepted record is not RJCT). Stream events never do.
 */
final class FirstPackages {

  private FirstPackages() {}

  static void mark(EffectsBuilder effects, RecordContext context, LedgerState state) {
    if (context.period().isPresent() && state.firstPackage(context.bankCode()).isEmpty()) {
      effects.firstPackage(
          new FirstPackage(context.bankCode(), context.period().get(), context.sourceId()));
    }
  }

  /**
   * True when an OPENING_BALANCE may be in this record's package: the bank has no accepted package
   * yet (this one will be the first), or this package has the first one's period (it is the first,
   * or a correction of it). Never for a stream event.
   */
  static boolean allowsOpeningBalance(RecordContext context, LedgerState state) {
    Optional<Period> period = context.period();
    if (period.isEmpty()) {
      return false;
    }
    return state
        .firstPackage(context.bankCode())
        .map(first -> first.period().equals(period.get()))
        .orElse(true);
  }
}
