package cn.timebank.ingestion.stream;

import static cn.timebank.ingestion.stream.Banks.A;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The topology with {@code exactly_once_v2} on a real single-node KRaft broker (in this JVM), in
 * each layout on input topics of the partitions it is for: 200 service events, the stream thread
 * killed mid-transaction by a failure injected through the registry, a new instance on a fresh
 * state directory (its stores restored from the changelogs), then re-sent events: every posting
 * appears exactly once to a {@code read_committed} reader. And the one-task layout on input topics
 * of several partitions stops before it posts anything.
 */
class LedgerTopologyIntegrationTests {

  private static final int SERVICES = 200;
  private static final LocalDate ADULT = LocalDate.of(1990, 3, 7);
  private static final LocalDate ELDER = LocalDate.of(1950, 5, 1);

  private EmbeddedKafkaKraftBroker broker;

  @TempDir Path temp;

  private void startBroker(int partitions) {
    broker =
        new EmbeddedKafkaKraftBroker(
            1,
            partitions,
            Topics.LEDGER,
            Topics.REJECTS,
            Topics.ALERTS,
            Topics.RECORDS,
            EventTopic.PARTICIPANTS.topic(),
            EventTopic.SERVICES.topic(),
            EventTopic.TRANSACTIONS.topic());
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1"));
    broker.afterPropertiesSet();
  }

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.destroy();
    }
  }

  @ParameterizedTest(name = "{0} input partition(s)")
  @ValueSource(ints = {1, 3})
  void postsEveryServiceExactlyOnceAcrossACrashAndARestart(int partitions) throws Exception {
    startBroker(partitions);
    LedgerTopology.Layout layout = LedgerTopology.Layout.forInputPartitions(partitions);
    List<Map<String, Object>> services = services();
    AtomicInteger lookups = new AtomicInteger();
    Registry crashing =
        bank -> {
          if (lookups.incrementAndGet() == 250) {
            throw new IllegalStateException("injected crash mid-transaction");
          }
          return Banks.REGISTRY.find(bank);
        };

    try (KafkaProducer<String, byte[]> producer = producer()) {
      KafkaStreams first = start(crashing, layout, temp.resolve("first"));
      send(
          producer,
          EventTopic.PARTICIPANTS,
          Events.participant(A, "P1", Events.residentId(ADULT, 1), ADULT));
      send(
          producer,
          EventTopic.PARTICIPANTS,
          Events.participant(A, "R1", Events.residentId(ELDER, 2), ELDER));
      producer.flush();
      // The participants applied before any service is sent: across several input partitions the
      // ledger takes events in the order the reading tasks forward them, not the order sent.
      awaitCommitted(Topics.RECORDS, 2);
      services.forEach(s -> send(producer, EventTopic.SERVICES, s));
      producer.flush();
      awaitState(first, KafkaStreams.State.ERROR);
      first.close(Duration.ZERO);
      int committedBeforeRestart = readLedger("read_committed", Duration.ofSeconds(2)).size();

      KafkaStreams second = start(Banks.REGISTRY, layout, temp.resolve("second"));
      services.subList(0, 20).forEach(s -> send(producer, EventTopic.SERVICES, s)); // re-sent ids
      producer.flush();
      try {
        List<ConsumerRecord<String, String>> committed = awaitLedger(SERVICES);
        Map<String, Integer> perKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : committed) {
          LedgerEntry entry =
              OutputSerdes.LEDGER
                  .deserializer()
                  .deserialize(Topics.LEDGER, record.value().getBytes(StandardCharsets.UTF_8));
          perKey.merge(entry.idempotencyKey(), 1, Integer::sum);
        }
        assertThat(committedBeforeRestart).isLessThan(SERVICES);
        assertThat(committed).hasSize(SERVICES);
        assertThat(perKey).hasSize(SERVICES).allSatisfy((key, count) -> assertThat(count).isOne());
        assertThat(readLedger("read_uncommitted", Duration.ofSeconds(1)).size())
            .as("aborted postings of the crashed transaction are in the log, not committed")
            .isGreaterThanOrEqualTo(SERVICES);
      } finally {
        second.close(Duration.ofSeconds(10));
      }
    }
  }

  @Test
  void theOneTaskLayoutStopsOnInputTopicsOfSeveralPartitions() throws Exception {
    startBroker(3);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    KafkaStreams streams =
        start(Banks.REGISTRY, LedgerTopology.Layout.ONE_TASK, temp.resolve("wrong"), failure);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      services().forEach(s -> send(producer, EventTopic.SERVICES, s));
      producer.flush();
      awaitState(streams, KafkaStreams.State.ERROR);
    } finally {
      streams.close(Duration.ZERO);
    }
    assertThat(failure.get())
        .rootCause()
        .hasMessageContaining("input topics have more than one partition")
        .hasMessageContaining("ONE_TASK");
    assertThat(readLedger("read_committed", Duration.ofSeconds(2))).isEmpty();
  }

  private static List<Map<String, Object>> services() {
    List<Map<String, Object>> services = new ArrayList<>();
    for (int i = 0; i < SERVICES; i++) {
      // Four non-overlapping hours a day: no cap, no overlap, one posting per service.
      services.add(
          Events.service(
              A,
              "S" + i,
              "P1",
              "R1",
              "SHZL",
              Events.DAY.plusDays(i / 4).atTime(8 + 2 * (i % 4), 0),
              60));
    }
    return services;
  }

  private KafkaStreams start(Registry registry, LedgerTopology.Layout layout, Path stateDir)
      throws Exception {
    return start(registry, layout, stateDir, new AtomicReference<>());
  }

  private KafkaStreams start(
      Registry registry,
      LedgerTopology.Layout layout,
      Path stateDir,
      AtomicReference<Throwable> failure)
      throws Exception {
    Files.createDirectories(stateDir);
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.build(
        builder,
        new StreamConfig(
            registry,
            LedgerDriver.SECRET,
            new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn())),
        layout);
    java.util.Properties properties =
        LedgerStreamsProperties.of("ledger-it", broker.getBrokersAsString(), stateDir);
    // A Streams consumer does not leave its group on close: the restarted instance waits until the
    // crashed one's session times out (45 s by default; the broker's least, 6 s, here).
    properties.put(
        StreamsConfig.consumerPrefix(
            org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        6_000);
    properties.put(
        StreamsConfig.consumerPrefix(
            org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
        1_500);
    KafkaStreams streams = new KafkaStreams(builder.build(), properties);
    streams.setUncaughtExceptionHandler(
        e -> {
          failure.compareAndSet(null, e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    return streams;
  }

  private static void awaitState(KafkaStreams streams, KafkaStreams.State state)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (streams.state() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("streams did not reach " + state + ", is " + streams.state());
      }
      Thread.sleep(100);
    }
  }

  private void awaitCommitted(String topic, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (read(topic, "read_committed", Duration.ofMillis(500)).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " committed records on " + topic);
      }
    }
  }

  private List<ConsumerRecord<String, String>> awaitLedger(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    List<ConsumerRecord<String, String>> records;
    do {
      records = readLedger("read_committed", Duration.ofSeconds(2));
      if (records.size() >= count) {
        Thread.sleep(1000); // anything beyond `count` (a duplicate) would show now
        return readLedger("read_committed", Duration.ofSeconds(2));
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("only " + records.size() + " ledger records of " + count);
  }

  private List<ConsumerRecord<String, String>> readLedger(String isolation, Duration idle) {
    return read(Topics.LEDGER, isolation, idle);
  }

  private List<ConsumerRecord<String, String>> read(String topic, String isolation, Duration idle) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-reader-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < idle.toNanos()) {
        var batch = consumer.poll(Duration.ofMillis(200));
        if (!batch.isEmpty()) {
          batch.forEach(records::add);
          quietSince = System.nanoTime();
        }
      }
    }
    return records;
  }

  private KafkaProducer<String, byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, EventTopic topic, Map<String, Object> event) {
    String key = event.get("bank_code") + ":" + event.get(topic.refField());
    producer.send(
        new ProducerRecord<>(
            topic.topic(), key, Events.json(event).getBytes(StandardCharsets.UTF_8)));
  }
}
