package cn.timebank.ingestion.submission;

import cn.timebank.ledger.store.PackageStore;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Package ids: {@code <bank>_<period>_<sequence>_<first 8 hex of sha256>}, e.g. {@code
 * 310109-001_2026-10_1_3f2a9c1e} (URL-safe, no {@code /}); {@code unidentified_<sha8>} when the
 * manifest gave no bank. An id already taken (the same bytes delivered again after a rejection)
 * gets {@code _2}, {@code _3}, …, so that every delivery has its own.
 */
final class PackageIds {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,20}");

  private final PackageStore packages;

  PackageIds(PackageStore packages) {
    this.packages = packages;
  }

  String allocate(
      @Nullable String bank, @Nullable String period, @Nullable Integer sequence, String sha256) {
    String base =
        bank == null
            ? "unidentified_" + sha256.substring(0, 8)
            : bank
                + "_"
                + safe(period)
                + "_"
                + (sequence == null ? "x" : sequence)
                + "_"
                + sha256.substring(0, 8);
    String id = base;
    for (int n = 2; packages.taken(id); n++) {
      id = base + "_" + n;
    }
    return id;
  }

  /** A period as written, when it is made of safe characters; {@code x} otherwise. */
  private static String safe(@Nullable String period) {
    return period != null && SAFE.matcher(period).matches() ? period : "x";
  }
}
