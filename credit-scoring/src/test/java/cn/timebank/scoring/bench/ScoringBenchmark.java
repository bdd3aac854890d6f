package cn.timebank.scoring.bench;

import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.scoring.characteristic.Characteristics;
import cn.timebank.scoring.characteristic.PopulationQuery;
import cn.timebank.scoring.characteristic.ScoringContext;
import cn.timebank.scoring.config.CreditScoringConfiguration;
import cn.timebank.scoring.finding.FindingCode;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scoring benchmark (issue: credit scoring), run by {@code benchmarks/scoring.sh}:
 *
 * <ul>
 *   <li>{@code migrate URL}: the app's Flyway migrations (ledger's and credit scoring's, common +
 *       postgresql) and Spring Batch's tables, into the database of {@code URL};
 *   <li>{@code run URL PERIOD}: the {@code score} job for the period (each step timed, participants
 *       scored per second), then — in the same run — one plain SQL aggregation computing the same
 *       raw features for every participant (rows streamed to the client), the ratio of the two, and
 *       the graph findings A303 and A304 timed alone.
 * </ul>
 */
public final class ScoringBenchmark {

  /**
   * The raw features of both scorecards for every participant registered by the period's end, in
   * one statement: provider side and recipient side grouped over the 12-month window, certificates
   * and findings of the period. Values are the raw sums/counts the characteristics turn into
   * numbers (the job's Java does the division and the binning).
   */
  static final String RAW_FEATURES =
      """
      select p.bank_code, p.participant_ref, p.roles,
             case when p.certificates is null then 0
                  else length(p.certificates) - length(replace(p.certificates, ';', '')) + 1
             end as certificates,
             pv.credited_minutes, pv.active_months, pv.completed, pv.settled,
             pv.ratings, pv.rating_sum,
             rc.no_shows, rc.disputes, rc.cancellations, rc.redemption_months,
             f.findings
      from participants p
      left join (
        select bank_code, provider_ref,
               sum(case when status = 'COMPLETED' then credited_minutes else 0 end)
                 as credited_minutes,
               count(distinct case when status = 'COMPLETED'
                     then extract(year from start_at) * 100 + extract(month from start_at) end)
                 as active_months,
               sum(case when status = 'COMPLETED' then 1 else 0 end) as completed,
               sum(case when status in ('COMPLETED', 'CANCELLED', 'NO_SHOW_PROVIDER')
                     then 1 else 0 end) as settled,
               count(case when status = 'COMPLETED' then rating end) as ratings,
               sum(case when status = 'COMPLETED' then rating else 0 end) as rating_sum
        from services
        where current_flag = 'Y' and start_at >= ? and start_at < ?
        group by bank_code, provider_ref
      ) pv on pv.bank_code = p.bank_code and pv.provider_ref = p.participant_ref
      left join (
        select bank_code, recipient_ref,
               sum(case when status = 'NO_SHOW_RECIPIENT' then 1 else 0 end) as no_shows,
               sum(case when status = 'DISPUTED' then 1 else 0 end) as disputes,
               sum(case when status = 'CANCELLED' then 1 else 0 end) as cancellations,
               count(distinct case when status = 'COMPLETED' and funding = 'BALANCE'
                     then extract(year from start_at) * 100 + extract(month from start_at) end)
                 as redemption_months
        from services
        where current_flag = 'Y' and start_at >= ? and start_at < ?
        group by bank_code, recipient_ref
      ) rc on rc.bank_code = p.bank_code and rc.recipient_ref = p.participant_ref
      left join (
        select bank_code, participant_ref, count(distinct finding_no) as findings
        from cs_finding_parties
        where score_period = ?
        group by bank_code, participant_ref
      ) f on f.bank_code = p.bank_code and f.participant_ref = p.participant_ref
      where p.registered_on is null or p.registered_on <= ?
      """;

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("migrate")) {
      try (HikariDataSource dataSource = dataSource(args[1])) {
        LedgerSchema.migrate(dataSource);
        new ResourceDatabasePopulator(
                new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
            .execute(dataSource);
        System.out.println("migrated: " + args[1]);
      }
    } else if (args.length == 3 && args[0].equals("run")) {
      run(args[1], Period.parse(args[2]));
    } else {
      System.err.println("usage: ScoringBenchmark migrate URL | run URL PERIOD");
      System.exit(2);
    }
  }

  private static void run(String url, Period period) throws Exception {
    try (HikariDataSource dataSource = dataSource(url);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.getBeanFactory().registerSingleton("dataSource", dataSource);
      context.register(BenchBatchConfiguration.class);
      context.refresh();

      System.out.printf(
          Locale.ROOT, "heap: at most %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
      long start = System.nanoTime();
      JobExecution execution = context.getBean(ScoreJobRunner.class).run(period);
      double job = seconds(System.nanoTime() - start);
      long scored = 0;
      double scoring = 0;
      System.out.println("score job steps:");
      for (StepExecution step : execution.getStepExecutions()) {
        double s =
            Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1_000_000_000.0;
        System.out.printf(
            Locale.ROOT,
            "  %-16s %9.1f s  %,d items%n",
            step.getStepName(),
            s,
            step.getWriteCount());
        if (step.getStepName().endsWith("Scores")) {
          scored += step.getWriteCount();
          scoring += s;
        }
      }
      long participants = count(dataSource, "select count(*) from participants");
      long services = count(dataSource, "select count(*) from services where current_flag = 'Y'");
      System.out.printf(
          Locale.ROOT,
          "participants %,d, current services %,d, scores written %,d (a BOTH participant"
              + " twice)%n",
          participants,
          services,
          scored);
      System.out.printf(
          Locale.ROOT,
          "score job: %.1f s in all, %,.0f participants/s; scoring steps: %.1f s,"
              + " %,.0f scores/s%n",
          job,
          participants / job,
          scoring,
          scored / scoring);

      start = System.nanoTime();
      long rows = rawFeatures(dataSource, period);
      double aggregation = seconds(System.nanoTime() - start);
      System.out.printf(
          Locale.ROOT,
          "one SQL aggregation of the same raw features: %.1f s, %,d rows streamed%n",
          aggregation,
          rows);
      System.out.printf(
          Locale.ROOT,
          "ratio scoring steps / aggregation: %.2f; whole job / aggregation: %.2f (target <="
              + " 2.0)%n",
          scoring / aggregation,
          job / aggregation);

      // where the scoring steps spend their time: the reading statement of each card alone
      Findings findings = context.getBean(Findings.class);
      Scorecards cards = context.getBean(Scorecards.class);
      Characteristics characteristics = context.getBean(Characteristics.class);
      ScoringContext scoringContext =
          ScoringContext.of(period, findings.rulesFor(period).version());
      for (Subject subject : Subject.values()) {
        PopulationQuery query =
            characteristics.population(cards.inForce(subject, period), scoringContext);
        start = System.nanoTime();
        long read = stream(dataSource, query);
        System.out.printf(
            Locale.ROOT,
            "  %s population statement alone (read, no scoring, no writes): %.1f s, %,d rows%n",
            subject,
            seconds(System.nanoTime() - start),
            read);
      }

      // in a transaction, as in the job's findings step: A304 streams its edges only inside one
      TransactionTemplate transaction =
          new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
      transaction.setReadOnly(true);
      for (FindingCode code : new FindingCode[] {FindingCode.A303, FindingCode.A304}) {
        start = System.nanoTime();
        Integer found = transaction.execute(status -> findings.detect(period, code).size());
        System.out.printf(
            Locale.ROOT,
            "%s alone: %.1f s, %d findings%n",
            code,
            seconds(System.nanoTime() - start),
            found);
      }
    }
  }

  private static long rawFeatures(DataSource dataSource, Period period) throws Exception {
    ScoringWindow window = ScoringWindow.of(period);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
      try (PreparedStatement ps = c.prepareStatement(RAW_FEATURES)) {
        ps.setFetchSize(10_000);
        Timestamp from = Timestamp.valueOf(window.from());
        Timestamp to = Timestamp.valueOf(window.to());
        ps.setTimestamp(1, from);
        ps.setTimestamp(2, to);
        ps.setTimestamp(3, from);
        ps.setTimestamp(4, to);
        ps.setString(5, period.toString());
        ps.setObject(6, period.lastDay());
        long rows = 0;
        long check = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
            check += rs.getLong("credited_minutes") + rs.getLong("no_shows");
          }
        }
        c.commit();
        if (check < 0) {
          throw new IllegalStateException("impossible");
        }
        return rows;
      }
    }
  }

  private static long stream(DataSource dataSource, PopulationQuery query) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(query.sql())) {
        ps.setFetchSize(1000);
        for (int i = 0; i < query.args().size(); i++) {
          ps.setObject(i + 1, query.args().get(i));
        }
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            query.mapper().mapRow(rs, (int) rows++);
          }
        }
        c.commit();
        return rows;
      }
    }
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
    dataSource.setMaximumPoolSize(4);
    return dataSource;
  }

  private static double seconds(long nanos) {
    return nanos / 1_000_000_000.0;
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
}
