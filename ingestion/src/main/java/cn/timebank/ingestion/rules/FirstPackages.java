package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.Period;

/**
 * R119's memory: the first package with an accepted record becomes the bank's first accepted
 * package (a package with an accepted record is not RJCT); a package of its period is it or its
 * correction.
 *
 * <p>Stream events have no package. An {@code OPENING_BALANCE} event is taken as part of the
 * package of its own month: accepted while the bank has no first accepted package, or when its
 * month is that package's period; and the first one accepted, for a bank without a first package,
 * makes its month the bank's first period. So the records of a bank's first package give the same
 * codes and balances whether they arrive as the package or as events (the records of a package lie
 * in its period: R110), and an opening balance of a later month is R119 on both paths. Other events
 * mark nothing: a live service dated outside any package's period must not fix the first period.
 */
final class FirstPackages {

  private FirstPackages() {}

  /** After an accepted record of a package: its package is the first, when the bank has none. */
  static void mark(EffectsBuilder effects, RecordContext context, LedgerState state) {
    if (context.period().isPresent() && state.firstPackage(context.bankCode()).isEmpty()) {
      effects.firstPackage(
          new FirstPackage(context.bankCode(), context.period().get(), context.sourceId()));
    }
  }

  /**
   * After an accepted {@code OPENING_BALANCE} of {@code month}: as {@link #mark} for a package; for
   * an event of a bank without a first package, that month becomes the bank's first period.
   */
  static void markOpening(
      EffectsBuilder effects, RecordContext context, LedgerState state, Period month) {
    if (context.period().isPresent()) {
      mark(effects, context, state);
    } else if (state.firstPackage(context.bankCode()).isEmpty()) {
      effects.firstPackage(new FirstPackage(context.bankCode(), month, context.sourceId()));
    }
  }

  /**
   * True when an {@code OPENING_BALANCE} of {@code month} may be accepted: the bank has no accepted
   * package yet (this one will be the first), or the record's package (an event: its month) has the
   * first one's period (it is the first, or a correction of it).
   */
  static boolean allowsOpeningBalance(RecordContext context, LedgerState state, Period month) {
    Period period = context.period().orElse(month);
    return state
        .firstPackage(context.bankCode())
        .map(first -> first.period().equals(period))
        .orElse(true);
  }

  /**
   * R119's detail: where the opening balance was judged, and the bank's first period with what
   * fixed it (a package id, or the id of the live opening-balance event that came first).
   */
  static String outsideFirstPackage(RecordContext context, LedgerState state, Period month) {
    return "OPENING_BALANCE "
        + context.period().map(p -> "in a package of " + p).orElse("in a stream event of " + month)
        + " outside the bank's first accepted period"
        + state
            .firstPackage(context.bankCode())
            .map(first -> " (" + first.period() + ", fixed by " + first.packageId() + ")")
            .orElse("");
  }
}
