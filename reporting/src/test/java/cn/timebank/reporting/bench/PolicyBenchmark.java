package cn.timebank.reporting.bench;

import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.policy.Policy;
import cn.timebank.reporting.policy.PolicyReport;
import cn.timebank.reporting.policy.PolicyReportQuery;
import cn.timebank.scoring.config.CreditScoringConfiguration;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.standards.model.Period;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The policy report benchmark (issue: reports), run by {@code benchmarks/policy-report.sh}:
 *
 * <ul>
 *   <li>{@code migrate URL}: the Flyway migrations on this classpath (ledger's, credit scoring's,
 *       common + postgresql) into the database of {@code URL};
 *   <li>{@code score URL PERIOD}: the {@code score} job for the period (run it in a JVM of its own:
 *       grades and PSI are what the report reads, the job is not what is measured);
 *   <li>{@code run URL REGION FROM TO OUT}: the policy report of the region over FROM..TO built
 *       with the same classes the reporting configuration registers ({@link PolicyReportQuery} on a
 *       {@link JdbcClient}, {@link PolicyReport} with the default small-cell rule, {@link
 *       ReportRenderer} with its swap-file virtualizer), rendered as PDF then XLSX (zh-CN) into
 *       OUT. Prints each statement's time (the DataSource is wrapped to time every query), the
 *       render/export time per format, the peak heap, GC time, the output sizes and whether the
 *       virtualizer's swap file was created under the swap directory during rendering.
 * </ul>
 *
 * Run it with {@code -Xmx512m}: the target is the whole report in under 60 s with that heap.
 */
public final class PolicyBenchmark {

  private PolicyBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("migrate")) {
      try (HikariDataSource dataSource = dataSource(args[1])) {
        LedgerSchema.migrate(dataSource);
        System.out.println("migrated: " + args[1]);
      }
    } else if (args.length == 3 && args[0].equals("score")) {
      score(args[1], Period.parse(args[2]));
    } else if (args.length == 6 && args[0].equals("run")) {
      run(args[1], args[2], YearMonth.parse(args[3]), YearMonth.parse(args[4]), Path.of(args[5]));
    } else {
      System.err.println(
          "usage: PolicyBenchmark migrate URL | score URL PERIOD"
              + " | run URL REGION FROM TO OUT-DIRECTORY");
      System.exit(2);
    }
  }

  /** The {@code score} job for the period, so that the report has grades and PSI. */
  private static void score(String url, Period period) throws Exception {
    try (HikariDataSource dataSource = dataSource(url);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.getBeanFactory().registerSingleton("dataSource", dataSource);
      context.register(BenchBatchConfiguration.class);
      context.refresh();
      long start = System.nanoTime();
      JobExecution execution = context.getBean(ScoreJobRunner.class).run(period);
      System.out.printf(
          Locale.ROOT,
          "score job %s: %s in %.1f s%n",
          period,
          execution.getStatus(),
          seconds(System.nanoTime() - start));
    }
  }

  /** What the app's batch auto-configuration gives credit scoring, as in the job tests. */
  @Configuration(proxyBeanMethods = false)
  @EnableBatchProcessing
  @EnableJdbcJobRepository
  @Import(CreditScoringConfiguration.class)
  static class BenchBatchConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
      return new JdbcTransactionManager(dataSource);
    }
  }

  private static void run(String url, String region, YearMonth from, YearMonth to, Path out)
      throws Exception {
    Files.createDirectories(out);
    Path swap = out.resolve("swap");
    Files.createDirectories(swap);
    HeapWatch heap = new HeapWatch(swap);
    Thread watcher = new Thread(heap, "heap-watch");
    watcher.setDaemon(true);
    watcher.start();
    System.out.printf(
        Locale.ROOT,
        "max heap %,d MB; region %s%%, %s..%s%n",
        Runtime.getRuntime().maxMemory() >> 20,
        region,
        from,
        to);

    try (HikariDataSource pool = dataSource(url)) {
      Map<String, double[]> timings = new LinkedHashMap<>();
      DataSource timed = timing(pool, timings);
      long participants = count(pool, "select count(*) from participants");
      long services = count(pool, "select count(*) from services where current_flag = 'Y'");
      long entries = count(pool, "select count(*) from ledger_entries");
      long scores = count(pool, "select count(*) from cs_scores where score_period = '" + to + "'");
      System.out.printf(
          Locale.ROOT,
          "data: %,d participants, %,d current services, %,d ledger entries, %,d scores of %s%n",
          participants,
          services,
          entries,
          scores,
          to);

      PolicyReportQuery query =
          new PolicyReportQuery(JdbcClient.create(timed), Map.of(region, 5_800_000L));
      PolicyReport report = new PolicyReport();
      ReportRenderer renderer = new ReportRenderer(Clock.system(ReportRenderer.ZONE), swap);

      // the summary (rp_liability_ends) of the region cleared, so that the first report builds
      // it: its time is the build's, measured apart from the report that reads it
      int cleared =
          update(
              pool,
              "delete from rp_liability_ends where bank_code in (select bank_code from banks"
                  + " where region_code like '"
                  + region
                  + "%')");
      System.out.printf(
          Locale.ROOT, "summary cleared: %d stored liability figures of the region%n", cleared);
      timings.clear();
      long start = System.nanoTime();
      Policy first = query.of(region, from, to);
      double build = seconds(System.nanoTime() - start);
      printTimings(
          "1st report, liability per bank and period end computed and stored (the summary build)",
          timings,
          build);
      timings.clear();
      start = System.nanoTime();
      Policy policy = query.of(region, from, to);
      double sql = seconds(System.nanoTime() - start);
      printTimings("2nd report, from the stored liability (the report measured)", timings, sql);
      System.out.printf(
          Locale.ROOT,
          "figures of the 1st and 2nd report identical: %s; report rows:",
          figures(first).equals(figures(policy)) ? "yes" : "NO");
      System.out.printf(
          Locale.ROOT,
          " %d participant groups, %d categories, %d months, %d grades, %d PSI lines%n",
          policy.participants().size(),
          policy.categories().size(),
          policy.flows().size(),
          policy.grades().size(),
          policy.psi().size());
      Path figures = out.resolve("figures.txt");
      Files.write(figures, figures(policy));
      System.out.println("figures (sorted, to compare runs): " + figures);

      double total = sql;
      double pdfRender = 0;
      for (ReportFormat format : new ReportFormat[] {ReportFormat.PDF, ReportFormat.XLSX}) {
        Path file = out.resolve("policy-" + region + "." + format.name().toLowerCase(Locale.ROOT));
        heap.swapFilesSeen.set(0);
        start = System.nanoTime();
        try (OutputStream stream = Files.newOutputStream(file)) {
          renderer.render(report, policy, format, ReportLocales.ZH_CN, stream);
        }
        double render = seconds(System.nanoTime() - start);
        total += render;
        if (format == ReportFormat.PDF) {
          pdfRender = render;
        }
        String pages = "";
        if (format == ReportFormat.PDF) {
          try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            pages = ", " + pdf.getNumberOfPages() + " pages";
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%s render+export: %.1f s (%s), %,d bytes%s; swap file of the virtualizer seen"
                + " during rendering: %s, left after: %d files%n",
            format,
            render,
            format == ReportFormat.PDF ? "includes compiling the template" : "template cached",
            Files.size(file),
            pages,
            heap.swapFilesSeen.get() > 0 ? "yes" : "no",
            fileCount(swap));
      }
      heap.stop = true;
      watcher.join();
      long poolPeaks = 0;
      for (MemoryPoolMXBean mp : ManagementFactory.getMemoryPoolMXBeans()) {
        if (mp.getType() == MemoryType.HEAP) {
          poolPeaks += mp.getPeakUsage().getUsed();
        }
      }
      long gcCount = 0;
      long gcMillis = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        gcCount += gc.getCollectionCount();
        gcMillis += gc.getCollectionTime();
      }
      System.out.printf(
          Locale.ROOT,
          "peak heap used: %,d MB sampled every 10 ms (sum of heap pools' peaks %,d MB); GC %d"
              + " collections, %.1f s%n",
          heap.peak.get() >> 20,
          poolPeaks >> 20,
          gcCount,
          gcMillis / 1000.0);
      System.out.printf(
          Locale.ROOT,
          "total: queries + PDF + XLSX %.1f s; one PDF report (queries + PDF) %.1f s (target <"
              + " 60 s); the 1st report (building the summary) + PDF %.1f s%n",
          total,
          sql + pdfRender,
          build + pdfRender);
    }
  }

  private static void printTimings(String title, Map<String, double[]> timings, double wall) {
    System.out.println(title + " — statements (wall time, executions):");
    double sum = 0;
    for (Map.Entry<String, double[]> t : timings.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "  %-22s %8.2f s  x%d%n",
          t.getKey(),
          t.getValue()[0],
          (long) t.getValue()[1]);
      sum += t.getValue()[0];
    }
    System.out.printf(Locale.ROOT, "  queries: %.1f s (statements %.1f s)%n", wall, sum);
  }

  private static int update(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      return ps.executeUpdate();
    }
  }

  /** Every figure of the report, one record a line, sorted (the statements' row order is free). */
  static List<String> figures(Policy policy) {
    List<String> lines = new ArrayList<>();
    Stream.of(
            policy.participants(),
            policy.categories(),
            policy.flows(),
            policy.transfers(),
            policy.stars(),
            policy.grades(),
            policy.psi(),
            policy.trend())
        .flatMap(List::stream)
        .forEach(r -> lines.add(r.toString()));
    lines.add("liabilityBefore=" + policy.liabilityBefore());
    Collections.sort(lines);
    return lines;
  }

  /** Samples the used heap and counts the virtualizer's swap files while rendering. */
  private static final class HeapWatch implements Runnable {
    final AtomicLong peak = new AtomicLong();
    final AtomicInteger swapFilesSeen = new AtomicInteger();
    final Path swap;
    volatile boolean stop;

    HeapWatch(Path swap) {
      this.swap = swap;
    }

    @Override
    public void run() {
      var memory = ManagementFactory.getMemoryMXBean();
      while (!stop) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        int files = fileCount(swap);
        swapFilesSeen.accumulateAndGet(files, Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static int fileCount(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return (int) files.count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** A DataSource whose statements add their execute time to {@code timings} by statement name. */
  private static DataSource timing(DataSource target, Map<String, double[]> timings) {
    return (DataSource)
        Proxy.newProxyInstance(
            PolicyBenchmark.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(target, method, args);
              return result instanceof Connection c ? timedConnection(c, timings) : result;
            });
  }

  private static Connection timedConnection(Connection target, Map<String, double[]> timings) {
    return (Connection)
        Proxy.newProxyInstance(
            PolicyBenchmark.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(target, method, args);
              if (result instanceof PreparedStatement ps
                  && args != null
                  && args[0] instanceof String sql) {
                return timedStatement(ps, name(sql), timings);
              }
              return result;
            });
  }

  private static PreparedStatement timedStatement(
      PreparedStatement target, String name, Map<String, double[]> timings) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PolicyBenchmark.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              if (!method.getName().startsWith("execute")) {
                return invoke(target, method, args);
              }
              long start = System.nanoTime();
              Object result = invoke(target, method, args);
              double[] t = timings.computeIfAbsent(name, k -> new double[2]);
              t[0] += seconds(System.nanoTime() - start);
              t[1]++;
              return result;
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The policy query's statements by a fragment only each of them has. */
  static String name(String sql) {
    if (sql.contains("rp_liability_ends r")) {
      return "liability (stored)";
    } else if (sql.contains("rp_liability_ends")) {
      return "liability (store)";
    } else if (sql.contains("ledger_entries")) {
      return "liability (compute)";
    } else if (sql.contains("select bank_code from banks")) {
      return "banks";
    } else if (sql.contains("cs_psi")) {
      return "psi";
    } else if (sql.contains("cs_scores")) {
      return "grades";
    } else if (sql.contains("transfer_items")) {
      return "transfers";
    } else if (sql.contains("DONATION")) {
      return "donations";
    } else if (sql.contains(" as star ")) {
      return "stars";
    } else if (sql.contains("funding = 'ISSUED'")) {
      return "funding";
    } else if (sql.contains("unified_category")) {
      return "categories";
    } else if (sql.contains("union all select s.bank_code")) {
      return "activity";
    } else if (sql.contains("from participants p join banks")) {
      return "participants";
    }
    return "other";
  }

  private static long count(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static HikariDataSource dataSource(String url) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(System.getenv().getOrDefault("TIMEBANK_TEST_PG_USER", "postgres"));
    dataSource.setMaximumPoolSize(2);
    return dataSource;
  }

  private static double seconds(long nanos) {
    return nanos / 1_000_000_000.0;
  }
}
