package cn.timebank.app.bench;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.stream.LivePath;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.stream.EventTopic;
import cn.timebank.ingestion.stream.Topics;
import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.registry.RegistryFile;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the live path takes in the database (issue: live submissions; ingestion README, "Engine
 * state"). Simulates one bank (N services, N/10 participants), then, against a fresh PostgreSQL
 * schema ({@code BENCH_DB=h2}: the H2 file database, as the demo and {@code serve} use it by
 * default), one of two scenarios ({@code BENCH_MODE}):
 *
 * <ul>
 *   <li>{@code first-load} (the default): ingests the package through the real {@code Submissions},
 *       then starts the live path as {@code serve --embedded-kafka} does ({@code LivePath.start()}:
 *       the in-JVM broker, the ledger topology with the database as its seed, the database sink)
 *       and at once publishes the package's last K service events again. They are held until the
 *       state has taken in the database, then judged (each a confirmation: same ref, same content).
 *       Prints the time from the start until the first and the last of them is judged.
 *   <li>{@code package-while-running}: starts the live path on the database with only the registry,
 *       then ingests the package while it runs, and prints the time from the receipt until the
 *       topology has taken the package in ({@code LiveLedger.tookIn}).
 * </ul>
 *
 * Both print the CPU of the intake's reader thread, of the stream thread and of the process, the
 * time spent in garbage collection, the most heap in use right after a collection, the heap in use
 * at the end after a full collection and the size of the state directory.
 *
 * <p>Run it with {@code benchmarks/intake.sh [services] [participants] [events]}.
 */
public final class IntakeBenchmark {

  private IntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int participants = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(1_000, services / 10);
    int resent = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    boolean postgres = !"h2".equalsIgnoreCase(System.getenv().getOrDefault("BENCH_DB", "pg"));
    // BENCH_SCHEMA=name: a schema a run before kept (BENCH_KEEP=1) with the same arguments; the
    // package is not ingested again (to measure changes to the live path without the batch's time)
    String kept = System.getenv("BENCH_SCHEMA");
    boolean keep = kept != null || System.getenv("BENCH_KEEP") != null;
    String schema = kept != null ? kept : BenchWorld.freshSchema();
    Path work = Files.createTempDirectory("intake-benchmark");
    try {
      if (postgres && kept == null) {
        IngestBenchmark.admin("create schema " + schema);
      }
      run(services, participants, resent, postgres ? schema : null, kept == null, work);
    } finally {
      if (postgres && !keep) {
        IngestBenchmark.admin("drop schema if exists " + schema + " cascade");
      }
      IngestBenchmark.delete(work);
    }
  }

  private static void run(
      int services, int participants, int resent, String schema, boolean ingest, Path work)
      throws Exception {
    Path packages = work.resolve("packages");
    Path pkg = BenchWorld.oneBank(packages, services, participants, 0.002);
    List<String> arguments = new ArrayList<>();
    arguments.add("--timebank.data-dir=" + work.resolve("data").toAbsolutePath());
    // the intake's own lines (how long the load took, how much of it applying), nothing else
    arguments.add("--logging.threshold.console=INFO");
    arguments.add("--logging.level.root=OFF");
    arguments.add("--logging.level.cn.timebank.ingestion.stream.StateIntake=INFO");
    if (schema != null) {
      String url = IngestBenchmark.URL;
      arguments.add(
          "--spring.datasource.url="
              + url
              + (url.contains("?") ? "&" : "?")
              + "currentSchema="
              + schema);
      arguments.add("--spring.datasource.username=" + IngestBenchmark.USER);
      arguments.add("--spring.datasource.password=");
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TimebankApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(arguments.toArray(String[]::new))) {
      String database = schema == null ? "H2 file" : "PostgreSQL schema " + schema;
      if (System.getenv().getOrDefault("BENCH_MODE", "first-load").equals("first-load")) {
        firstLoad(context, pkg, packages, database, services, resent, ingest);
      } else {
        packageWhileRunning(context, pkg, packages, database, services);
      }
    }
  }

  /** The package ingested, then the live path started, and K of its events sent again at once. */
  private static void firstLoad(
      ConfigurableApplicationContext context,
      Path pkg,
      Path packages,
      String database,
      int services,
      int resent,
      boolean ingest)
      throws Exception {
    if (ingest) {
      context
          .getBean(RegistryImport.class)
          .importBanks(RegistryFile.read(packages.resolve("registry.json")));
      long ingestStarted = System.nanoTime();
      Receipt receipt = context.getBean(Submissions.class).ingest(pkg);
      System.out.printf(
          "database: %s; ingested %s (%s) in %.1f s: %s%n",
          database,
          pkg.getFileName(),
          receipt.status(),
          (System.nanoTime() - ingestStarted) / 1e9,
          receipt.counts());
    } else {
      System.out.println("database: " + database + " as a run before left it");
    }

    // the last K lines of services.csv, read in two passes so that the package is never held
    Registry registry = context.getBean(RegistryStore.class)::find;
    PackageReplay replay =
        new PackageReplay(registry, context.getBean(DueDates.class), Clock.systemUTC());
    AtomicLong lines = new AtomicLong();
    replay.prepare(
        pkg,
        e -> {
          if (e.topic() == EventTopic.SERVICES) {
            lines.incrementAndGet();
          }
          return false;
        });
    AtomicLong line = new AtomicLong();
    List<PackageReplay.Event> events =
        replay
            .prepare(
                pkg,
                e ->
                    e.topic() == EventTopic.SERVICES
                        && line.incrementAndGet() > lines.get() - resent)
            .events()
            .stream()
            .map(IntakeBenchmark::underANewId)
            .toList();

    Meter meter = Meter.start();
    try (LivePath.Running live = context.getBean(LivePath.class).start()) {
      String servers = live.bootstrapServers();
      try (KafkaProducer<String, byte[]> producer = producer(servers)) {
        PackageReplay.publish(producer, events, System.currentTimeMillis());
      }
      double published = meter.seconds();
      long first = 0;
      long seen = 0;
      long judged = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
      try (KafkaConsumer<String, String> outcomes = outcomes(servers)) {
        while (seen < events.size()) {
          for (ConsumerRecord<String, String> r : outcomes.poll(Duration.ofMillis(100))) {
            seen++;
            if (r.topic().equals(Topics.RECORDS)) { // judged by the ledger: after the load
              first = first == 0 ? System.nanoTime() : first;
              judged++;
            } // a reject may come from the reading step (R101, R102), which needs no state
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(seen + " of " + events.size() + " outcomes");
          }
        }
      }
      double last = meter.seconds();
      System.out.printf(
          "RESULT mode=first-load services=%d events_sent=%d published_by_s=%.1f"
              + " first_judged_s=%.1f last_outcome_s=%.1f judged=%d %s%n",
          services,
          events.size(),
          published,
          (first - meter.started) / 1e9,
          last,
          judged,
          meter.figures(live.stateDir()));
    }
  }

  /** The live path started on the registry alone, then the package ingested while it runs. */
  private static void packageWhileRunning(
      ConfigurableApplicationContext context,
      Path pkg,
      Path packages,
      String database,
      int services)
      throws Exception {
    context
        .getBean(RegistryImport.class)
        .importBanks(RegistryFile.read(packages.resolve("registry.json")));
    try (LivePath.Running live = context.getBean(LivePath.class).start()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (!live.ledger().tookIn(null)) {
        if (System.nanoTime() > deadline || live.ledger().failure().isPresent()) {
          throw new IllegalStateException(
              "the live path did not start: " + live.ledger().failure());
        }
        Thread.sleep(100);
      }
      Meter meter = Meter.start();
      Receipt receipt = context.getBean(Submissions.class).ingest(pkg);
      double ingested = meter.seconds();
      System.out.printf(
          "database: %s; ingested %s (%s) in %.1f s while the live path ran: %s%n",
          database, pkg.getFileName(), receipt.status(), ingested, receipt.counts());
      deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
      while (!live.ledger().tookIn(receipt.packageId())) {
        if (System.nanoTime() > deadline || live.ledger().failure().isPresent()) {
          throw new IllegalStateException(
              "the package was not taken in: " + live.ledger().failure());
        }
        Thread.sleep(100);
      }
      double takenIn = meter.seconds();
      System.out.printf(
          "RESULT mode=package-while-running services=%d ingest_s=%.1f taken_in_s=%.1f"
              + " (%.1f s after the receipt) %s%n",
          services, ingested, takenIn, takenIn - ingested, meter.figures(live.stateDir()));
    }
  }

  /**
   * The event under an event id of this run: the same record sent again is a confirmation, which
   * the ledger judges (under an id the database holds as applied it would be a re-send, without an
   * outcome, as in a run on a schema kept from an earlier one).
   */
  private static PackageReplay.Event underANewId(PackageReplay.Event e) {
    String eventId = e.eventId() + "-again-" + RUN;
    String json =
        new String(e.value(), StandardCharsets.UTF_8)
            .replace("\"event_id\":\"" + e.eventId() + "\"", "\"event_id\":\"" + eventId + "\"");
    if (!json.contains(eventId)) {
      throw new IllegalStateException("no event_id in " + json);
    }
    return new PackageReplay.Event(
        e.topic(),
        e.key(),
        json.getBytes(StandardCharsets.UTF_8),
        eventId,
        e.bankCode(),
        e.ref(),
        e.fileName(),
        e.line());
  }

  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  /** What the process used from its start: CPU by thread, collections, heap. */
  private static final class Meter {
    private final long started = System.nanoTime();
    private final AtomicLong heapAfterGc = heapAfterCollections();
    private final long gcBefore = gcMillis();
    private final long cpuBefore = OS.getProcessCpuTime();
    private final double readerBefore = cpuSeconds("ledger-state-intake");
    private final double streamBefore = cpuSeconds("-StreamThread-");

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Meter start() {
      System.gc();
      return new Meter();
    }

    double seconds() {
      return (System.nanoTime() - started) / 1e9;
    }

    String figures(Path stateDir) throws Exception {
      double processCpu = (OS.getProcessCpuTime() - cpuBefore) / 1e9;
      printBusiestThreads();
      double gc = (gcMillis() - gcBefore) / 1e3;
      System.gc();
      long liveAtEnd = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      return String.format(
          "intake_reader_cpu_s=%.1f stream_thread_cpu_s=%.1f process_cpu_s=%.1f gc_s=%.1f"
              + " heap_after_gcs_mb=%d heap_live_at_end_mb=%d max_heap_mb=%d state_dir_mb=%d",
          cpuSeconds("ledger-state-intake") - readerBefore,
          cpuSeconds("-StreamThread-") - streamBefore,
          processCpu,
          gc,
          heapAfterGc.get() / (1024 * 1024),
          liveAtEnd / (1024 * 1024),
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          size(stateDir) / (1024 * 1024));
    }

    private static long gcMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime)
          .sum();
    }
  }

  /**
   * The most heap in use right after any collection since it was started: what survived (an upper
   * bound of the live data; the sum of the pools' peaks counts garbage too).
   */
  private static AtomicLong heapAfterCollections() {
    AtomicLong most = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (notification
                    .getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  long used =
                      GarbageCollectionNotificationInfo.from(
                              (CompositeData) notification.getUserData())
                          .getGcInfo()
                          .getMemoryUsageAfterGc()
                          .values()
                          .stream()
                          .mapToLong(MemoryUsage::getUsed)
                          .sum();
                  most.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
    return most;
  }

  /** Where the process's CPU went: the ten busiest threads (their names cut to a kind). */
  private static void printBusiestThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String kind =
          thread.getName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…").replaceAll("-\\d+$", "-n");
      byKind.merge(kind, Math.max(0, threads.getThreadCpuTime(thread.getId())), Long::sum);
    }
    System.out.printf(
        "  JIT compiling %.1f s; busiest threads (CPU since the JVM started):%n",
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3);
    byKind.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10)
        .forEach(e -> System.out.printf("    %6.1f s  %s%n", e.getValue() / 1e9, e.getKey()));
  }

  /** The CPU time used so far by the live threads whose names contain {@code name}. */
  private static double cpuSeconds(String name) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().contains(name) && !thread.getName().contains("producer")) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return nanos / 1e9;
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (java.io.IOException e) {
                  return 0; // a file the store removed meanwhile
                }
              })
          .sum();
    }
  }

  private static KafkaConsumer<String, String> outcomes(String servers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "intake-benchmark");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(Topics.RECORDS, Topics.REJECTS));
    return consumer;
  }

  private static KafkaProducer<String, byte[]> producer(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
