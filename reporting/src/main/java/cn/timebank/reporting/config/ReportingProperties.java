package cn.timebank.reporting.config;

import cn.timebank.reporting.SmallCells;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the reports ({@code timebank.reporting.*}).
 *
 * @param swapDirectory where long reports swap filled pages while they are rendered (the files go
 *     when the report is done); {@code java.io.tmpdir/timebank-reports} when not set
 * @param smallCellThreshold the policy report prints a count from 1 to this − 1 as {@code <N}
 *     (default 5: counts 1–4 show as {@code <5})
 * @param population60Plus region-code prefix → residents aged 60 and over, the denominator of the
 *     policy report's participation per 1,000 (e.g. {@code
 *     timebank.reporting.population-60-plus.31=5800000}); the prefix must be the one the report is
 *     asked for; a region without an entry gets no rate
 */
@ConfigurationProperties("timebank.reporting")
public record ReportingProperties(
    Path swapDirectory, int smallCellThreshold, Map<String, Long> population60Plus) {

  /** The one Boot binds: anything not set gets its default. */
  @ConstructorBinding
  public ReportingProperties(
      @Nullable Path swapDirectory,
      @Nullable Integer smallCellThreshold,
      @Nullable Map<String, Long> population60Plus) {
    this(
        swapDirectory != null
            ? swapDirectory
            : Path.of(System.getProperty("java.io.tmpdir"), "timebank-reports"),
        smallCellThreshold != null ? smallCellThreshold : SmallCells.DEFAULT_THRESHOLD,
        population60Plus != null ? Map.copyOf(population60Plus) : Map.of());
  }
}
