package cn.timebank.ingestion.config;

import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.schedule.DueDates;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standard (its versions, the official holiday calendar, the hour calculator, due dates) and
 * the bank registry as beans, once, for every application that ingests: the app and the tests.
 */
@Configuration(proxyBeanMethods = false)
public class StandardAndRegistryConfiguration {

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
  RegistryStore registryStore(DataSource dataSource) {
    return new RegistryStore(JdbcClient.create(dataSource));
  }

  @Bean
  RegistryImport registryImport(
      RegistryStore store, PlatformTransactionManager transactionManager, Clock clock) {
    return new RegistryImport(store, new TransactionTemplate(transactionManager), clock);
  }
}
