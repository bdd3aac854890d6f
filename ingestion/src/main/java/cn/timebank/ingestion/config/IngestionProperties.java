package cn.timebank.ingestion.config;

import cn.timebank.ingestion.verify.OpeningLimits;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of ingestion ({@code timebank.ingestion.*}).
 *
 * @param dataDir where deliveries are archived ({@code DATA_DIR/archive/...}); the application sets
 *     it to its data directory
 * @param chunkSize records per transaction in the job's chunk steps (read by {@code
 *     PackageJobConfiguration} as {@code timebank.ingestion.chunk-size})
 * @param opening what a delivered package may hold before it is refused unread (P009), {@code
 *     timebank.ingestion.opening.*}
 */
@ConfigurationProperties("timebank.ingestion")
public record IngestionProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue("2000") int chunkSize,
    @DefaultValue Opening opening) {

  /**
   * The limits of {@link OpeningLimits}, with its safe defaults.
   *
   * @param maxEntries the most files a package may hold ({@code max-entries}, default 16)
   * @param maxTotalSize the most all its files may hold uncompressed ({@code max-total-size},
   *     default 2GB)
   * @param maxExpansionRatio the most one ZIP entry may expand, uncompressed over compressed
   *     ({@code max-expansion-ratio}, default 200)
   * @param maxManifestSize the largest {@code manifest.json} ({@code max-manifest-size}, default
   *     1MB)
   */
  public record Opening(
      @DefaultValue("16") int maxEntries,
      @DefaultValue("2GB") DataSize maxTotalSize,
      @DefaultValue("200") long maxExpansionRatio,
      @DefaultValue("1MB") DataSize maxManifestSize) {

    public OpeningLimits limits() {
      return new OpeningLimits(
          maxEntries,
          maxTotalSize.toBytes(),
          maxExpansionRatio,
          Math.toIntExact(maxManifestSize.toBytes()));
    }
  }
}
