package cn.timebank.scoring.job;

import cn.timebank.scoring.characteristic.Characteristics;
import cn.timebank.scoring.characteristic.ScoringContext;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.psi.PsiMonitor;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
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
  static final int CHUNK = 200;

  static final String PARTICIPANTS =
      "select bank_code, participant_ref from participants"
          + " where roles in (?, 'BOTH') and (registered_on is null or registered_on <= ?)"
          + " order by bank_code, participant_ref";

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
      JdbcCursorItemReader<ParticipantId> providerReader,
      ItemWriter<ParticipantId> providerWriter) {
    return scoreStep(
        "providerScores", jobRepository, transactionManager, providerReader, providerWriter);
  }

  @Bean
  Step recipientScoresStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JdbcCursorItemReader<ParticipantId> recipientReader,
      ItemWriter<ParticipantId> recipientWriter) {
    return scoreStep(
        "recipientScores", jobRepository, transactionManager, recipientReader, recipientWriter);
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<ParticipantId> providerReader(
      DataSource dataSource, @Value("#{jobParameters['period']}") String period) {
    return reader("providerReader", dataSource, Subject.PROVIDER, Period.parse(period));
  }

  @Bean
  @StepScope
  JdbcCursorItemReader<ParticipantId> recipientReader(
      DataSource dataSource, @Value("#{jobParameters['period']}") String period) {
    return reader("recipientReader", dataSource, Subject.RECIPIENT, Period.parse(period));
  }

  @Bean
  @StepScope
  ItemWriter<ParticipantId> providerWriter(
      Scorecards scorecards,
      Characteristics characteristics,
      Findings findings,
      ScoreStore store,
      @Value("#{jobParameters['period']}") String period) {
    return writer(
        Subject.PROVIDER, Period.parse(period), scorecards, characteristics, findings, store);
  }

  @Bean
  @StepScope
  ItemWriter<ParticipantId> recipientWriter(
      Scorecards scorecards,
      Characteristics characteristics,
      Findings findings,
      ScoreStore store,
      @Value("#{jobParameters['period']}") String period) {
    return writer(
        Subject.RECIPIENT, Period.parse(period), scorecards, characteristics, findings, store);
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
      JdbcCursorItemReader<ParticipantId> reader,
      ItemWriter<ParticipantId> writer) {
    return new StepBuilder(name, jobRepository)
        .<ParticipantId, ParticipantId>chunk(CHUNK)
        .transactionManager(transactionManager)
        .reader(reader)
        .writer(writer)
        .build();
  }

  private static JdbcCursorItemReader<ParticipantId> reader(
      String name, DataSource dataSource, Subject subject, Period period) {
    return new JdbcCursorItemReaderBuilder<ParticipantId>()
        .name(name)
        .dataSource(dataSource)
        .sql(PARTICIPANTS)
        .queryArguments(List.of(subject.name(), period.lastDay()))
        .rowMapper((rs, n) -> new ParticipantId(rs.getString(1), rs.getString(2)))
        .build();
  }

  private static ScoreWriter writer(
      Subject subject,
      Period period,
      Scorecards scorecards,
      Characteristics characteristics,
      Findings findings,
      ScoreStore store) {
    Scorecard card = scorecards.inForce(subject, period);
    characteristics.check(card);
    return new ScoreWriter(
        card,
        ScoringContext.of(period, findings.rulesFor(period).version()),
        characteristics,
        store);
  }

  private static Period period(StepContribution contribution) {
    String period = contribution.getStepExecution().getJobParameters().getString("period");
    if (period == null) {
      throw new IllegalArgumentException("the job parameter 'period' (YYYY-MM) is required");
    }
    return Period.parse(period);
  }
}
