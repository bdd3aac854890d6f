package cn.timebank.ingestion.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingestion ({@code timebank.ingestion.*}).
 *
 * @param dataDir where deliveries are archived ({@code DATA_DIR/archive/...}); the application sets
 *     it to its data directory
 * @param chunkSize records per transaction in the job's chunk steps (read by {@code
 *     PackageJobConfiguration} as {@code timebank.ingestion.chunk-size})
 */
@ConfigurationProperties("timebank.ingestion")
public record IngestionProperties(
    @DefaultValue("data") Path dataDir, @DefaultValue("500") int chunkSize) {}
