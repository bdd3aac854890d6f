package cn.timebank.ingestion.verify;

/**
 * What a delivered package may hold before it is refused unread (zip bombs, folders full of files).
 * Breaking one is P009; a manifest over its limit is P001.
 *
 * @param maxEntries the most files (ZIP entries, folder entries) a package may hold (default 16)
 * @param maxTotalBytes the most bytes all its files may hold uncompressed (default 2 GiB)
 * @param maxExpansionRatio the most one ZIP entry may expand: uncompressed over compressed bytes
 *     (default 200)
 * @param maxManifestBytes the largest {@code manifest.json} (default 1 MiB)
 */
public record OpeningLimits(
    int maxEntries, long maxTotalBytes, long maxExpansionRatio, int maxManifestBytes) {

  public OpeningLimits {
    if (maxEntries < 2 || maxTotalBytes < 1 || maxExpansionRatio < 1 || maxManifestBytes < 1) {
      throw new IllegalArgumentException(
          "opening limits must be positive, and allow at least the manifest and its signature");
    }
  }

  public static OpeningLimits defaults() {
    return new OpeningLimits(16, 2L * 1024 * 1024 * 1024, 200, 1024 * 1024);
  }
}
