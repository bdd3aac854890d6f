package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.util.List;
import java.util.Optional;

/**
 * The packages received before, as the sequence checks (P007, P012) and re-delivery (spec §5) need
 * them. Only packages whose receipt was not RJCT count: a rejected package does not take up its
 * sequence and may be delivered again.
 */
public interface PackageHistory {

  /** The non-rejected packages of a bank and period, in any order. */
  List<PriorPackage> accepted(BankCode bank, Period period);

  /**
   * The receipt of an earlier non-rejected package with exactly this sha256, if any. The caller
   * asks this <em>before</em> verifying: an identical re-delivery returns that receipt and changes
   * nothing (spec §5).
   */
  Optional<String> identical(String sha256);
}
