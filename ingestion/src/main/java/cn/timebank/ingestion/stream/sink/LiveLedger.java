package cn.timebank.ingestion.stream.sink;

import cn.timebank.ingestion.stream.EventTopic;
import cn.timebank.ingestion.stream.LedgerStores;
import cn.timebank.ingestion.stream.LedgerStreamsProperties;
import cn.timebank.ingestion.stream.LedgerTopology;
import cn.timebank.ingestion.stream.StreamConfig;
import cn.timebank.ingestion.stream.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.jspecify.annotations.Nullable;

/**
 * The live path in one process: the topics (created when missing, one partition each), the ledger
 * topology ({@code exactly_once_v2}, in the {@link LedgerTopology.Layout} that the input topics'
 * partitions call for) and the {@link DatabaseSink}. Used by {@code stream-replay}, {@code serve
 * --embedded-kafka} and the tests.
 */
public final class LiveLedger implements AutoCloseable {

  /** The application id of the topology (its consumer group, its internal topics' prefix). */
  public static final String APPLICATION_ID = "timebank-ledger";

  /** How long the start waits for the cluster to answer about the topics. */
  static final int ADMIN_TIMEOUT_MS = 15_000;

  private final KafkaStreams streams;
  private final DatabaseSink sink;

  private LiveLedger(KafkaStreams streams, DatabaseSink sink) {
    this.streams = streams;
    this.sink = sink;
  }

  /** Creates what topics are missing, then starts the topology and the sink. */
  public static LiveLedger start(
      String bootstrapServers, StreamConfig config, Path stateDir, DatabaseSink sink) {
    LedgerTopology.Layout layout = ensureTopics(bootstrapServers);
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.build(builder, config, layout);
    KafkaStreams streams =
        new KafkaStreams(
            builder.build(),
            LedgerStreamsProperties.of(APPLICATION_ID, bootstrapServers, stateDir));
    streams.start();
    sink.start();
    return new LiveLedger(streams, sink);
  }

  /** The input topics and the output topics, one partition each (see the README). */
  public static List<String> topics() {
    List<String> all = new ArrayList<>();
    for (EventTopic topic : EventTopic.values()) {
      all.add(topic.topic());
    }
    all.addAll(List.of(Topics.LEDGER, Topics.REJECTS, Topics.ALERTS, Topics.RECORDS));
    return all;
  }

  /**
   * Creates the missing topics (one partition each) and tells the layout for the input topics'
   * partitions as they are now.
   */
  static LedgerTopology.Layout ensureTopics(String bootstrapServers) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                ADMIN_TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                ADMIN_TIMEOUT_MS))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          topics().stream()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, Optional.of(1), Optional.empty()))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
      // Input topics created just now have one partition (a new topic may not be visible to
      // describeTopics for a while); only those that existed are described.
      List<String> described =
          Arrays.stream(EventTopic.values())
              .map(EventTopic::topic)
              .filter(existing::contains)
              .toList();
      int most =
          described.isEmpty()
              ? 1
              : admin.describeTopics(described).allTopicNames().get().values().stream()
                  .mapToInt(description -> description.partitions().size())
                  .max()
                  .orElse(1);
      return LedgerTopology.Layout.forInputPartitions(most);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      // The client's own exception is kept (suppressed, so a log shows it), but the message a user
      // reads is this one: it names the address.
      String what =
          e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
              ? "cannot reach Kafka at "
                  + bootstrapServers
                  + " to create or describe the live path's topics (within "
                  + ADMIN_TIMEOUT_MS / 1000
                  + " s): "
              : "Kafka at "
                  + bootstrapServers
                  + " refused to create or describe the live path's topics: ";
      IllegalStateException unreachable =
          new IllegalStateException(what + e.getCause().getMessage());
      unreachable.addSuppressed(e);
      throw unreachable;
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  public DatabaseSink sink() {
    return sink;
  }

  /**
   * Whether the topology's state has taken in the database's package {@code packageId} ({@code
   * null}: the whole database, at its first start); false while the state is not queryable (the
   * topology starting or rebalancing).
   */
  public boolean tookIn(@Nullable String packageId) {
    try {
      return streams
              .store(
                  StoreQueryParameters.fromNameAndType(
                      LedgerStores.INDEX, QueryableStoreTypes.<String, String>keyValueStore()))
              .get(LedgerStores.takenIn(packageId))
          != null;
    } catch (InvalidStateStoreException e) {
      return false;
    }
  }

  /** Why the live path stopped, if it did: the topology in ERROR, or the sink failed. */
  public Optional<String> failure() {
    if (streams.state() == KafkaStreams.State.ERROR
        || streams.state() == KafkaStreams.State.NOT_RUNNING) {
      return Optional.of("the ledger topology stopped (" + streams.state() + ")");
    }
    return sink.failure().map(e -> "the database sink stopped: " + e.getMessage());
  }

  /**
   * Stops the topology (waiting up to 20 s) and the sink.
   *
   * @return whether the topology stopped within that time (its state directory may be removed)
   */
  public boolean closed() throws InterruptedException {
    boolean stopped = streams.close(Duration.ofSeconds(20));
    sink.close();
    return stopped;
  }

  @Override
  public void close() throws InterruptedException {
    closed();
  }
}
