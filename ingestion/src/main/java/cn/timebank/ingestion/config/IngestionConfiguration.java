package cn.timebank.ingestion.config;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.batch.PackageJob;
import cn.timebank.ingestion.batch.PackageJobConfiguration;
import cn.timebank.ingestion.batch.Runners;
import cn.timebank.ingestion.hold.LiveHoldStore;
import cn.timebank.ingestion.hold.PackageHolds;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.submission.PackageSubmissions;
import cn.timebank.ingestion.verify.OpeningLimits;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.standards.calendar.HolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.schedule.DueDates;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingestion's beans (with the standard and the registry, {@link StandardAndRegistryConfiguration})
 * for an application that has a data source, the ledger's beans, the person-key secret and a clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestionProperties.class)
@Import({PackageJobConfiguration.class, StandardAndRegistryConfiguration.class})
public class IngestionConfiguration {

  @Bean
  RecordEngine recordEngine(StandardVersions versions, HolidayCalendar calendar) {
    return new RecordEngine(versions, calendar);
  }

  @Bean
  JdbcLedgerState jdbcLedgerState(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      LedgerWriter writer,
      Clock clock) {
    return new JdbcLedgerState(dataSource, transactionManager, writer, clock);
  }

  @Bean
  PackageStore packageStore(DataSource dataSource) {
    return new PackageStore(JdbcClient.create(dataSource));
  }

  @Bean
  CanonicalRecords canonicalRecords(DataSource dataSource) {
    return new CanonicalRecords(new JdbcTemplate(dataSource));
  }

  @Bean
  Runners runners() {
    return new Runners();
  }

  @Bean
  LiveHoldStore liveHoldStore(DataSource dataSource) {
    return new LiveHoldStore(dataSource);
  }

  @Bean
  PackageJob packageJob(
      JobOperator operator,
      JobRepository repository,
      Job packageIngestionJob,
      PackageStore packages,
      Runners runners,
      LiveHoldStore holds,
      Clock clock) {
    return new PackageJob(
        operator,
        repository,
        packageIngestionJob,
        packages,
        runners,
        new PackageHolds(holds, clock));
  }

  @Bean
  OpeningLimits openingLimits(IngestionProperties properties) {
    return properties.opening().limits();
  }

  @Bean
  Submissions submissions(
      Clock clock,
      IngestionProperties properties,
      OpeningLimits openingLimits,
      RegistryStore registry,
      DueDates dueDates,
      PackageStore packages,
      PackageJob job,
      Runners runners,
      PlatformTransactionManager transactionManager) {
    return new PackageSubmissions(
        clock,
        properties.dataDir(),
        openingLimits,
        registry::find,
        dueDates,
        packages,
        job,
        runners,
        new TransactionTemplate(transactionManager));
  }
}
