package cn.timebank.reporting.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reports ({@code timebank.reporting.*}).
 *
 * @param swapDirectory where long reports swap filled pages while they are rendered (the files go
 *     when the report is done); {@code java.io.tmpdir/timebank-reports} when not set
 */
@ConfigurationProperties("timebank.reporting")
public record ReportingProperties(Path swapDirectory) {

  public ReportingProperties(@Nullable Path swapDirectory) {
    this.swapDirectory =
        swapDirectory != null
            ? swapDirectory
            : Path.of(System.getProperty("java.io.tmpdir"), "timebank-reports");
  }
}
