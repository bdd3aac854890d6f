package cn.timebank.app.bench;

import cn.timebank.app.TimebankApplication;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.standards.registry.RegistryFile;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Batch ingestion into PostgreSQL, against COPY (issue: batch ingestion). Simulates one bank with N
 * services (and its participants), ingests its package through the real {@code Submissions} into a
 * fresh schema, then, in the same run, copies the rows ingestion wrote ({@code services} and {@code
 * ledger_entries}) into empty tables of the same shape with COPY TO STDOUT / COPY FROM STDIN
 * through pgjdbc's {@code CopyManager}, and prints ingest time, services per second, peak heap,
 * COPY time and the ratio ingest/COPY. The schema is dropped afterwards. Run it with {@code
 * benchmarks/ingest.sh [services]} (a 512 MB heap).
 */
public final class IngestBenchmark {

  static final String URL =
      System.getenv().getOrDefault("TIMEBANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getenv().getOrDefault("TIMEBANK_TEST_PG_USER", "postgres");

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int participants = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(1_000, services / 10);
    double errorRate = args.length > 2 ? Double.parseDouble(args[2]) : 0.002;
    String schema = BenchWorld.freshSchema();
    Path work = Files.createTempDirectory("ingest-benchmark");
    try {
      run(services, participants, errorRate, schema, work);
    } finally {
      admin("drop schema if exists " + schema + " cascade");
      delete(work);
    }
  }

  private static void run(
      int services, int participants, double errorRate, String schema, Path work) throws Exception {
    Path packages = work.resolve("packages");
    Path pkg = BenchWorld.oneBank(packages, services, participants, errorRate);

    admin("create schema " + schema);
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TimebankApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run( // command-line arguments: they win over application.properties
                "--timebank.data-dir=" + work.resolve("data").toAbsolutePath(),
                "--spring.datasource.url="
                    + URL
                    + (URL.contains("?") ? "&" : "?")
                    + "currentSchema="
                    + schema,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=",
                "--logging.threshold.console=OFF")) {
      context
          .getBean(RegistryImport.class)
          .importBanks(RegistryFile.read(packages.resolve("registry.json")));
      Submissions submissions = context.getBean(Submissions.class);
      System.out.println(
          "datasource: reWriteBatchedInserts="
              + context
                  .getBean(HikariDataSource.class)
                  .getDataSourceProperties()
                  .getProperty("reWriteBatchedInserts"));

      System.gc();
      resetPeaks();
      CpuOfThisThread cpu = CpuOfThisThread.start();
      long started = System.nanoTime();
      Receipt receipt = submissions.ingest(pkg);
      double ingest = (System.nanoTime() - started) / 1e9;
      cpu.stop();
      long peak = peakHeap();
      System.out.printf(
          "ingested %s: %s, %s%n", pkg.getFileName(), receipt.status(), receipt.counts());

      try (Connection source = connect(schema);
          Connection target = connect(schema)) {
        printSteps(source, cpu);
        long serviceRows = count(source, "services");
        long entryRows = count(source, "ledger_entries");
        try (Statement s = target.createStatement()) {
          s.execute("create table copy_services (like services)");
          s.execute("create table copy_ledger_entries (like ledger_entries)");
        }
        long copyStarted = System.nanoTime();
        copy(source, target, "services", "copy_services");
        copy(source, target, "ledger_entries", "copy_ledger_entries");
        double copy = (System.nanoTime() - copyStarted) / 1e9;
        System.out.printf(
            "RESULT services=%d ingest_s=%.1f services_per_s=%.0f peak_heap_mb=%d max_heap_mb=%d"
                + " rows_copied=%d (services %d + ledger_entries %d) copy_s=%.2f"
                + " copy_rows_per_s=%.0f ratio=%.1f%n",
            services,
            ingest,
            services / ingest,
            peak / (1024 * 1024),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            serviceRows + entryRows,
            serviceRows,
            entryRows,
            copy,
            (serviceRows + entryRows) / copy,
            ingest / copy);
        // the floor of this design: every row ingestion keeps, in every table it writes, copied
        // into tables with the same indexes (the ratio above copies two tables without indexes)
        long allRows = 0;
        double all = 0;
        for (String table : KEPT_TABLES) {
          try (Statement s = target.createStatement()) {
            s.execute("create table copy_all_" + table + " (like " + table + " including indexes)");
          }
          target.commit();
          allRows += count(source, table);
          long tableStarted = System.nanoTime();
          copy(source, target, table, "copy_all_" + table);
          all += (System.nanoTime() - tableStarted) / 1e9;
        }
        System.out.printf(
            "FLOOR rows_kept=%d in %s, copied with their indexes in %.2f s; ingest/that=%.1f%n",
            allRows, String.join(", ", KEPT_TABLES), all, ingest / all);
      }
    }
  }

  /** Every table the ingestion of a package writes rows to. */
  private static final List<String> KEPT_TABLES =
      List.of(
          "staged_records",
          "participants",
          "services",
          "transactions",
          "ledger_entries",
          "engine_postings",
          "credited_services",
          "used_refs",
          "transfer_items");

  /** COPY (select * from table) TO STDOUT streamed into COPY target FROM STDIN, committed. */
  private static void copy(Connection source, Connection target, String table, String into)
      throws SQLException {
    CopyOut out =
        source.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout");
    CopyIn in =
        target.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + into + " from stdin");
    byte[] row;
    while ((row = out.readFromCopy()) != null) {
      in.writeToCopy(row, 0, row.length);
    }
    in.endCopy();
    target.commit();
  }

  /** Where the time went: the job's steps as Spring Batch recorded them. */
  private static void printSteps(Connection c, CpuOfThisThread cpu) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select step_name, read_count, write_count, commit_count, start_time, end_time,"
                    + " extract(epoch from end_time - start_time) as seconds"
                    + " from batch_step_execution order by step_execution_id")) {
      while (rs.next()) {
        System.out.printf(
            "  step %-13s %7.1f s  (job thread CPU %5.1f s)  read %,d  written %,d  commits %,d%n",
            rs.getString("step_name"),
            rs.getDouble("seconds"),
            cpu.between(
                rs.getTimestamp("start_time").getTime(), rs.getTimestamp("end_time").getTime()),
            rs.getLong("read_count"),
            rs.getLong("write_count"),
            rs.getLong("commit_count"));
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect(String schema) throws SQLException {
    Connection c =
        DriverManager.getConnection(
            URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, null);
    c.setAutoCommit(false);
    return c;
  }

  static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage since {@link #resetPeaks()}: an upper bound. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The CPU time of the thread that runs the job (this one: the job runs synchronously), sampled
   * every 20 ms with the wall clock, so that each step's CPU can be told from its wall time, which
   * on this shared machine depends mostly on what else runs.
   */
  private static final class CpuOfThisThread {
    private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cpu-sampler");
              t.setDaemon(true);
              return t;
            });

    static CpuOfThisThread start() {
      CpuOfThisThread cpu = new CpuOfThisThread();
      long thread = Thread.currentThread().getId();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      cpu.sampler.scheduleAtFixedRate(
          () ->
              cpu.samples.add(
                  new long[] {System.currentTimeMillis(), threads.getThreadCpuTime(thread)}),
          0,
          20,
          TimeUnit.MILLISECONDS);
      return cpu;
    }

    void stop() {
      sampler.shutdownNow();
    }

    /** Seconds of CPU between two wall-clock instants (epoch milliseconds). */
    double between(long from, long to) {
      return (at(to) - at(from)) / 1e9;
    }

    private long at(long millis) {
      long cpu = 0;
      synchronized (samples) {
        for (long[] sample : samples) {
          if (sample[0] > millis) {
            break;
          }
          cpu = sample[1];
        }
      }
      return cpu;
    }
  }
}
