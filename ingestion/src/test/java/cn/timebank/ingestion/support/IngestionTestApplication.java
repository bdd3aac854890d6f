package cn.timebank.ingestion.support;

import cn.timebank.ingestion.config.IngestionConfiguration;
import cn.timebank.ledger.config.LedgerConfiguration;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.identity.PersonKeySecret;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The smallest application around ingestion for its Spring tests: Boot's data source, Flyway, Batch
 * (JDBC job repository) and transactions, the ledger's and ingestion's beans, and what the app's
 * {@code PlatformConfiguration} gives them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({LedgerConfiguration.class, IngestionConfiguration.class})
public class IngestionTestApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  StandardVersions standardVersions() {
    return StandardVersions.builtIn();
  }

  @Bean
  OfficialHolidayCalendar holidayCalendar() {
    return OfficialHolidayCalendar.builtIn();
  }

  @Bean
  HourCalculator hourCalculator(StandardVersions versions, OfficialHolidayCalendar calendar) {
    return new HourCalculator(versions, calendar);
  }

  @Bean
  DueDates dueDates(StandardVersions versions, OfficialHolidayCalendar calendar) {
    return new DueDates(versions, calendar);
  }

  @Bean
  PersonKeySecret personKeySecret() {
    return PersonKeySecret.of("ingestion-test-secret-16+");
  }

  @Bean
  RegistryStore registryStore(DataSource dataSource) {
    return new RegistryStore(JdbcClient.create(dataSource));
  }

  @Bean
  RegistryImport registryImport(
      RegistryStore store, TransactionTemplate transactions, Clock clock) {
    return new RegistryImport(store, transactions, clock);
  }
}
