package cn.timebank.app.config;

import cn.timebank.ingestion.config.IngestionConfiguration;
import cn.timebank.ledger.config.LedgerConfiguration;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.reporting.config.ReportingConfiguration;
import cn.timebank.scoring.config.CreditScoringConfiguration;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.identity.PersonKeySecret;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the modules: the standard, the ledger, the registry, ingestion, credit scoring and the
 * reports. Holds no rule.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  LedgerConfiguration.class,
  IngestionConfiguration.class,
  CreditScoringConfiguration.class,
  ReportingConfiguration.class
})
class PlatformConfiguration {

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
  PersonKeySecret personKeySecret(TimebankProperties properties) {
    return PersonKeySecret.of(properties.personKeySecret());
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
