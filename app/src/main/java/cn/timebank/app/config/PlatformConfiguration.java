package cn.timebank.app.config;

import cn.timebank.ingestion.config.IngestionConfiguration;
import cn.timebank.ledger.config.LedgerConfiguration;
import cn.timebank.reporting.config.ReportingConfiguration;
import cn.timebank.scoring.config.CreditScoringConfiguration;
import cn.timebank.standards.identity.PersonKeySecret;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

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
  static PostgresBatchInserts postgresBatchInserts() {
    return new PostgresBatchInserts();
  }

  @Bean
  static OracleBinaryOrder oracleBinaryOrder() {
    return new OracleBinaryOrder();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PersonKeySecret personKeySecret(TimebankProperties properties) {
    return PersonKeySecret.of(properties.personKeySecret());
  }
}
