package cn.timebank.scoring.job;

import cn.timebank.scoring.characteristic.Characteristics;
import cn.timebank.scoring.characteristic.ParticipantValues;
import cn.timebank.scoring.characteristic.PopulationQuery;
import cn.timebank.scoring.characteristic.ScoringContext;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.psi.PsiMonitor;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.store.ScoreStore;
import cn.timebank.standards.model.Period;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@code score} for one period (job parameter {@code period}, {@code YYYY-MM}):
 *
 * <ol>
 *   <li>{@code findings}: detects A301–A307 and replaces the period's findings (the integrity
 *       characteristic reads them, so they come first);
 *   <li>{@code clearScores}: removes the period's scores of the scorecard versions in force;
 *   <li>{@code providerScores}, {@code recipientScores}: chunks of {@value #CHUNK} participants
 *       (bank, ref order) scored and written;
 *   <li>{@code ratings}: every bank's compliance rating, replaced;
 *   <li>{@code psi}: the PSI against the period before, replaced.
 * </ol>
 *
 * Every step replaces exactly the period+version's rows, so running the job again for a period (a
 * new job instance: {@link ScoreJobRunner} adds a run number) gives the same rows.
 */
@Configuration(proxyBeanMethods = false)
public class ScoreJobConfiguration {

  public static final String JOB_NAME = "score";
  static final int CHUNK = 1000;

  /** Rows the population cursor fetches per round trip (a streaming cursor, not the whole set). */
  static final int FETCH = 1000;

  @Bean
  Job scoreJob(
      JobRepository jobRepository,
      Step findingsStep,
      Step clearScoresStep,
      Step providerScoresStep,
      Step recipientScoresStep,
      Step ratingsStep,
      Step psiStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(findingsStep)
        .next(clearScoresStep)
        .next(providerScoresStep)
        .next(recipientScoresStep)
        .next(ratingsStep)
        .next(psiStep)
        .build();
  }

  @Bean
  Step findingsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      Findings findings) {
    return new StepBuilder("findings", jobRepository)
        .tasklet(
            (contribution, context) -> {
              findings.detectAndStore(period(contribution));
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  Step clearScoresStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      Scorecards scorecards,
      ScoreStore store) {
    return new StepBuilder("clearScores", jobRepository)
        .tasklet(
            (contribution, context) -> {
              Period period = period(contribution);
              for (Scorecard card : scorecards.inForce(period)) {
                store.clear(period, card.version());
              }
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  Step providerScoresStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JdbcCursorItemReader<ParticipantValues> providerReader,
      ItemWriter<ParticipantValues> providerWriter) {
    return scoreStep(
        "providerScores", jobRepository, transactionManager, providerReader, providerWriter);
  }

  @Bean
  Step recipientScoresStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JdbcCursorItemReader<ParticipantValues> recipientReader,
      ItemWriter<ParticipantValues> recipientWriter) {
    return scoreStep(
        "recipientScores", jobRepository, transactionManager, recipientReader, recipientWriter);
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<ParticipantValues> providerReader(
      DataSource dataSource,
      Scorecards scorecards,
      Characteristics characteristics,
      Findings findings,
      @Value("#{jobParameters['period']}") String period) {
    return reader(
        "providerReader",
        dataSource,
        Subject.PROVIDER,
        Period.parse(period),
        scorecards,
        characteristics,
        findings);
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<ParticipantValues> recipientReader(
      DataSource dataSource,
      Scorecards scorecards,
      Characteristics characteristics,
      Findings findings,
      @Value("#{jobParameters['period']}") String period) {
    return reader(
        "recipientReader",
        dataSource,
        Subject.RECIPIENT,
        Period.parse(period),
        scorecards,
        characteristics,
        findings);
  }

  @Bean
  @StepScope
  ItemWriter<ParticipantValues> providerWriter(
      Scorecards scorecards, ScoreStore store, @Value("#{jobParameters['period']}") String period) {
    Period p = Period.parse(period);
    return new ScoreWriter(scorecards.inForce(Subject.PROVIDER, p), p, store);
  }

  @Bean
  @StepScope
  ItemWriter<ParticipantValues> recipientWriter(
      Scorecards scorecards, ScoreStore store, @Value("#{jobParameters['period']}") String period) {
    Period p = Period.parse(period);
    return new ScoreWriter(scorecards.inForce(Subject.RECIPIENT, p), p, store);
  }

  @Bean
  Step ratingsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      BankRatings ratings,
      Findings findings) {
    return new StepBuilder("ratings", jobRepository)
        .tasklet(
            (contribution, context) -> {
              Period period = period(contribution);
              ratings.rateAndStore(period, findings.rulesFor(period).version());
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  @Bean
  Step psiStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      PsiMonitor psi,
      Scorecards scorecards) {
    return new StepBuilder("psi", jobRepository)
        .tasklet(
            (contribution, context) -> {
              Period period = period(contribution);
              List<String> versions =
                  scorecards.inForce(period).stream().map(Scorecard::version).toList();
              psi.computeAndStore(period, versions);
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }

  private static Step scoreStep(
      String name,
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JdbcCursorItemReader<ParticipantValues> reader,
      ItemWriter<ParticipantValues> writer) {
    return new StepBuilder(name, jobRepository)
        .<ParticipantValues, ParticipantValues>chunk(CHUNK)
        .transactionManager(transactionManager)
        .reader(reader)
        .writer(writer)
        .build();
  }

  private static JdbcCursorItemReader<ParticipantValues> reader(
      String name,
      DataSource dataSource,
      Subject subject,
      Period period,
      Scorecards scorecards,
      Characteristics characteristics,
      Findings findings) {
    PopulationQuery query =
        characteristics.population(
            scorecards.inForce(subject, period),
            ScoringContext.of(period, findings.rulesFor(period).version()));
    return new JdbcCursorItemReaderBuilder<ParticipantValues>()
        .name(name)
        .dataSource(dataSource)
        .sql(query.sql())
        .queryArguments(query.args())
        .rowMapper(query.mapper())
        .fetchSize(FETCH)
        .connectionAutoCommit(false) // PostgreSQL streams with a fetch size only in a transaction
        .build();
  }

  private static Period period(StepContribution contribution) {
    String period = contribution.getStepExecution().getJobParameters().getString("period");
    if (period == null) {
      throw new IllegalArgumentException("the job parameter 'period' (YYYY-MM) is required");
    }
    return Period.parse(period);
  }
}
