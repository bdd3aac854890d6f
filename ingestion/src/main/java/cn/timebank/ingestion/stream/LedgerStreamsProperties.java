package cn.timebank.ingestion.stream;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/**
 * The Kafka Streams settings the ledger topology runs with.
 *
 * <ul>
 *   <li>{@code processing.guarantee=exactly_once_v2}: a posting, the store changes behind it and
 *       the input offsets commit together or not at all.
 *   <li>Exception handlers: <em>fail</em>, on purpose. A bad event never reaches them: the inputs
 *       are read as bytes and every bad event becomes a reject record in the reading step (tested);
 *       a value that cannot be deserialised from an internal topic, or an exception in the engine,
 *       is a defect, and continuing would drop a regulated record silently. Failing aborts the open
 *       transaction; nothing half-applied is committed.
 *   <li>{@code commit.interval.ms=1000} (exactly-once's default is 100): each commit is a flush and
 *       two round trips to the transaction coordinator, during which the one ledger thread waits; a
 *       live event's outcome is visible to {@code read_committed} readers within about a second.
 *       Measured in BENCHMARKS.md ("Live path").
 * </ul>
 *
 * A single-node broker needs {@code transaction.state.log.replication.factor=1}, {@code
 * transaction.state.log.min.isr=1} and {@code offsets.topic.replication.factor=1}, or EOS hangs.
 */
public final class LedgerStreamsProperties {

  /** How often the topology commits (see above). */
  public static final int COMMIT_INTERVAL_MS = 1000;

  private LedgerStreamsProperties() {}

  public static Properties of(String applicationId, String bootstrapServers, Path stateDir) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    properties.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndFailExceptionHandler.class);
    properties.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndFailProcessingExceptionHandler.class);
    return properties;
  }
}
