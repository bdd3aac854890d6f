package cn.timebank.scoring.config;

import cn.timebank.scoring.characteristic.Characteristics;
import cn.timebank.scoring.finding.FindingRulesFile;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.job.ScoreJobConfiguration;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.scoring.psi.PsiMonitor;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.rating.RatingRulesFile;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.scoring.store.ScoreStore;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Credit scoring's beans for an application with a {@link DataSource}, a transaction manager and
 * Spring Batch's {@code JobRepository}/{@code JobOperator} (Spring Boot's batch auto-configuration
 * in the app, {@code @EnableBatchProcessing} in tests). The tables come from Flyway ({@code
 * db/migration/common/V100__credit_scoring.sql} in this jar). The public services: {@link
 * ParticipantScores}, {@link BankRatings}, {@link Findings}, {@link PsiMonitor}, {@link
 * ScoreJobRunner}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ScoreJobConfiguration.class)
public class CreditScoringConfiguration {

  @Bean
  Scorecards scorecards() {
    return Scorecards.builtIn();
  }

  @Bean
  FindingRulesFile findingRules() {
    return FindingRulesFile.builtIn();
  }

  @Bean
  RatingRulesFile ratingRules() {
    return RatingRulesFile.builtIn();
  }

  @Bean
  Characteristics characteristics(DataSource dataSource) {
    return new Characteristics(JdbcClient.create(dataSource));
  }

  @Bean
  Findings findings(DataSource dataSource, FindingRulesFile rules) {
    return new Findings(JdbcClient.create(dataSource), rules);
  }

  @Bean
  BankRatings bankRatings(DataSource dataSource, RatingRulesFile rules) {
    return new BankRatings(JdbcClient.create(dataSource), rules);
  }

  @Bean
  PsiMonitor psiMonitor(DataSource dataSource) {
    return new PsiMonitor(JdbcClient.create(dataSource));
  }

  @Bean
  ScoreStore scoreStore(DataSource dataSource) {
    return new ScoreStore(dataSource);
  }

  @Bean
  ParticipantScores participantScores(DataSource dataSource, Scorecards scorecards) {
    return new ParticipantScores(JdbcClient.create(dataSource), scorecards);
  }

  @Bean
  ScoreJobRunner scoreJobRunner(JobOperator jobOperator, Job scoreJob) {
    return new ScoreJobRunner(jobOperator, scoreJob);
  }
}
