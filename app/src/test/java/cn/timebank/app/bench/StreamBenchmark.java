package cn.timebank.app.bench;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.stream.EmbeddedBroker;
import cn.timebank.app.stream.LivePath;
import cn.timebank.ingestion.batch.ServiceFiguresOf;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.stream.EventTopic;
import cn.timebank.ingestion.stream.LedgerStreamsProperties;
import cn.timebank.ingestion.stream.LedgerTopology;
import cn.timebank.ingestion.stream.StreamConfig;
import cn.timebank.ingestion.stream.Topics;
import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.ingestion.stream.sink.DatabaseSink;
import cn.timebank.ingestion.stream.sink.LiveLedger;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.registry.RegistryFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The live path's throughput (issue: live submissions). Simulates one bank (N services, N/10
 * participants, 0.2 % faults), publishes its package as events to the input topics of the in-JVM
 * KRaft broker, then, on those same input records:
 *
 * <ol>
 *   <li>the ledger topology ({@code exactly_once_v2}, the app's settings): events per second from
 *       the moment it is RUNNING until every event has its outcome on {@code tb.records.v1} or
 *       {@code tb.rejects.v1} (committed: a {@code read_committed} counter);
 *   <li>a pass-through topology with the same settings (the three input topics straight to one
 *       output topic): events per second, measured the same way; and the ratio ledger/pass-through;
 *   <li>a floor ({@link FloorTopology}): one write to each state store the issue asks of a ledger
 *       (with its changelog) and the ledger's outputs, without a rule; events per second, measured
 *       the same way, and its ratio to the pass-through: about the best a ledger topology that
 *       keeps that state could do on this broker;
 *   <li>the database sink on its own: a fresh consumer group reading the ledger runs' committed
 *       output (round 1's first) into the application's database (H2 file, as {@code serve} and the
 *       demo use it), events per second until as many events as were published are handled.
 * </ol>
 *
 * Steps 1 to 3 run three times on the same input ({@code BENCH_ROUNDS} sets how often): round 1 in
 * the cold JVM (the JIT compiles the engine's, the stores' and the clients' code while the ledger
 * topology runs), rounds 2 and 3 under new application ids (fresh state) in a warmer JVM, towards
 * the steady state of a running service (the JIT still compiles for seconds in round 2; each line
 * prints the JIT's compile time during its run). Every round is printed; each output counter counts
 * only what its own topology writes. {@code BENCH_STREAM_THREADS} sets the stream threads of both
 * topologies (default: the app's one). The ledger runs in the layout that {@code LiveLedger} builds
 * for these one-partition input topics ({@code ONE_TASK}); {@code BENCH_LAYOUT=REPARTITIONED} runs
 * the layout for input topics of several partitions instead, with its ordered topic.
 *
 * <p>Beside each topology's wall time it prints the CPU time its stream threads used (their own
 * work, without the broker's or the producers' network threads): a figure that a busy machine
 * changes much less than the wall time.
 *
 * <p>Run it with {@code benchmarks/stream.sh [services]}.
 */
public final class StreamBenchmark {

  private static final String PASS_THROUGH = "bench.passthrough.v1";

  private StreamBenchmark() {}

  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int participants = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(1_000, services / 10);
    boolean sink = args.length <= 2 || !args[2].equals("--no-sink");
    Path work = Files.createTempDirectory("stream-benchmark");
    try {
      run(services, participants, sink, work);
    } finally {
      delete(work);
    }
  }

  private static void run(int services, int participants, boolean withSink, Path work)
      throws Exception {
    Path packages = work.resolve("packages");
    Path pkg = BenchWorld.oneBank(packages, services, participants, 0.002);
    try (ConfigurableApplicationContext context =
            new SpringApplicationBuilder(TimebankApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(
                    "--timebank.data-dir=" + work.resolve("data").toAbsolutePath(),
                    "--logging.threshold.console=OFF");
        EmbeddedBroker broker = EmbeddedBroker.start()) {
      context
          .getBean(RegistryImport.class)
          .importBanks(RegistryFile.read(packages.resolve("registry.json")));
      RegistryStore store = context.getBean(RegistryStore.class);
      Registry registry = store::find;
      List<PackageReplay.Event> events =
          new PackageReplay(registry, context.getBean(DueDates.class), Clock.systemUTC())
              .prepare(pkg)
              .events();
      String servers = broker.bootstrapServers();
      createTopics(servers);
      long published = System.nanoTime();
      try (KafkaProducer<String, byte[]> producer = producer(servers)) {
        PackageReplay.publish(producer, events, System.currentTimeMillis());
      }
      System.out.printf(
          "events: %,d (1 bank, %,d services, %,d participants) published in %.1f s%n",
          events.size(), services, participants, (System.nanoTime() - published) / 1e9);
      System.out.println("load before: " + load());

      StreamConfig config = context.getBean(LivePath.class).streamConfig(); // as the app runs it
      // Round 1 runs in a cold JVM: the JIT compiles the engine, the stores' and the clients' code
      // while it runs (about a core of C1/C2 threads on this machine). Rounds 2 and 3 run both
      // topologies again, under new application ids (fresh state, the same input), in a warmer
      // JVM: towards the steady state of a long-running service. Every round is printed.
      int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "3"));
      // The input topics have one partition each, so LiveLedger builds the one-task layout;
      // BENCH_LAYOUT=REPARTITIONED runs the layout of several input partitions on them instead.
      LedgerTopology.Layout layout =
          LedgerTopology.Layout.valueOf(System.getenv().getOrDefault("BENCH_LAYOUT", "ONE_TASK"));
      System.out.println("layout: " + layout);
      // BENCH_FLOOR=MEMORY keeps the floor's stores in memory (still with changelogs), NONE keeps
      // nothing (its outputs only)
      FloorTopology.Kept floorKept =
          FloorTopology.Kept.valueOf(System.getenv().getOrDefault("BENCH_FLOOR", "ROCKSDB"));
      System.out.println("floor: " + floorKept);
      for (int round = 1; round <= rounds; round++) {
        String suffix = round == 1 ? "-cold" : "-" + round;
        StreamsBuilder ledger = new StreamsBuilder();
        LedgerTopology.build(ledger, config, layout);
        double ledgerSeconds =
            timed(
                "bench-ledger" + suffix,
                ledger,
                servers,
                work,
                List.of(Topics.RECORDS, Topics.REJECTS),
                events.size());
        System.out.println("load after the ledger topology: " + load());

        StreamsBuilder pass = new StreamsBuilder();
        for (EventTopic topic : EventTopic.values()) {
          pass.stream(topic.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
              .to(PASS_THROUGH, Produced.with(Serdes.String(), Serdes.ByteArray()));
        }
        double passSeconds =
            timed("bench-pass" + suffix, pass, servers, work, List.of(PASS_THROUGH), events.size());
        System.out.println("load after the pass-through: " + load());

        StreamsBuilder floor = new StreamsBuilder();
        FloorTopology.build(floor, floorKept);
        double floorSeconds =
            timed(
                "bench-floor" + suffix,
                floor,
                servers,
                work,
                List.of(FloorTopology.OUTCOMES),
                events.size());
        System.out.println("load after the floor: " + load());

        double ledgerRate = events.size() / ledgerSeconds;
        double passRate = events.size() / passSeconds;
        double floorRate = events.size() / floorSeconds;
        System.out.printf(
            "RESULT round=%s events=%d ledger_s=%.2f ledger_events_per_s=%.0f pass_s=%.2f"
                + " pass_events_per_s=%.0f ratio=%.2f floor_s=%.2f floor_events_per_s=%.0f"
                + " floor_ratio=%.2f%n",
            round == 1 ? "1-cold" : round + "-warm",
            events.size(),
            ledgerSeconds,
            ledgerRate,
            passSeconds,
            passRate,
            ledgerRate / passRate,
            floorSeconds,
            floorRate,
            floorRate / passRate);
      }

      if (withSink) {
        double sinkSeconds = sink(context, registry, servers, events.size());
        System.out.printf(
            "RESULT sink events=%d sink_s=%.1f sink_events_per_s=%.0f (H2 file)%n",
            events.size(), sinkSeconds, events.size() / sinkSeconds);
        System.out.println("load after the sink: " + load());
      }
    }
  }

  /**
   * Starts the topology on the input topics as they are, and returns the seconds from RUNNING until
   * {@code expected} records are committed on the output topics.
   */
  private static double timed(
      String applicationId,
      StreamsBuilder builder,
      String servers,
      Path work,
      List<String> outputs,
      long expected)
      throws Exception {
    AtomicLong running = new AtomicLong();
    long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    try (KafkaConsumer<byte[], byte[]> counter = counter(servers, outputs);
        KafkaStreams streams =
            new KafkaStreams(builder.build(), benchProperties(applicationId, servers, work))) {
      streams.setStateListener(
          (now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
              running.compareAndSet(0, System.nanoTime());
            }
          });
      streams.start();
      long seen = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (seen < expected) {
        seen += counter.poll(Duration.ofMillis(100)).count();
        if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException(
              applicationId + ": " + seen + " of " + expected + " (" + streams.state() + ")");
        }
      }
      double seconds = (System.nanoTime() - running.get()) / 1e9;
      double cpu = streamThreadsCpuSeconds(applicationId);
      double jit =
          (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3;
      System.out.printf(
          "  %s: %,d events in %.2f s from RUNNING: %,.0f events/s;"
              + " stream threads' CPU %.2f s (%,.0f µs per event); JIT compiling %.1f s%n",
          applicationId, expected, seconds, expected / seconds, cpu, cpu * 1e6 / expected, jit);
      streams.close(Duration.ofSeconds(30));
      return seconds;
    }
  }

  /** The app's settings; {@code BENCH_STREAM_THREADS} sets the number of stream threads. */
  private static Properties benchProperties(String applicationId, String servers, Path work)
      throws IOException {
    Properties properties =
        LedgerStreamsProperties.of(
            applicationId,
            servers,
            Files.createDirectories(work.resolve("state-" + applicationId)));
    String threads = System.getenv("BENCH_STREAM_THREADS");
    if (threads != null) {
      properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(threads));
    }
    return properties;
  }

  /** The CPU time used so far by the stream threads of the application (by thread name). */
  private static double streamThreadsCpuSeconds(String applicationId) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(applicationId + "-")
          && thread.getName().contains("-StreamThread-")
          && !thread.getName().contains("producer")) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return nanos / 1e9;
  }

  /** The database sink alone, on the ledger run's committed output. */
  private static double sink(
      ConfigurableApplicationContext context, Registry registry, String servers, long expected)
      throws Exception {
    AtomicLong handled = new AtomicLong();
    Consumer<DatabaseSink.Written> count = w -> handled.incrementAndGet();
    DatabaseSink sink =
        new DatabaseSink(
            servers,
            "bench-sink",
            context.getBean(DataSource.class),
            context.getBean(PlatformTransactionManager.class),
            context.getBean(JdbcLedgerState.class),
            context.getBean(CanonicalRecords.class),
            new ServiceFiguresOf(context.getBean(HourCalculator.class)),
            registry,
            Clock.systemUTC());
    sink.onWritten(count);
    long started = System.nanoTime();
    sink.start();
    try {
      while (handled.get() < expected) {
        Optional<Throwable> failure = sink.failure();
        if (failure.isPresent()) {
          throw new IllegalStateException("the sink failed", failure.get());
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "  sink: %,d events in %.1f s: %,.0f events/s%n", expected, seconds, expected / seconds);
      return seconds;
    } finally {
      sink.close();
    }
  }

  private static void createTopics(String servers) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      List<String> existing = new ArrayList<>(admin.listTopics().names().get());
      List<NewTopic> missing =
          Stream.concat(
                  LiveLedger.topics().stream(),
                  Stream.of(PASS_THROUGH, FloorTopology.LEDGER, FloorTopology.OUTCOMES))
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, Optional.of(1), Optional.empty()))
              .toList();
      admin.createTopics(missing).all().get();
    }
  }

  private static KafkaConsumer<byte[], byte[]> counter(String servers, List<String> topics) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = topics.stream().map(t -> new TopicPartition(t, 0)).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions); // only what the topology about to start writes
    partitions.forEach(consumer::position); // resolve the end offsets now, before it starts
    return consumer;
  }

  private static KafkaProducer<String, byte[]> producer(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static String load() {
    return String.format(
        "%.2f (1-minute load average, %d cores)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void delete(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
