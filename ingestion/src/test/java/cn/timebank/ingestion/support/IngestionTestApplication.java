package cn.timebank.ingestion.support;

import cn.timebank.ingestion.config.IngestionConfiguration;
import cn.timebank.ledger.config.LedgerConfiguration;
import cn.timebank.standards.identity.PersonKeySecret;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

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
  PersonKeySecret personKeySecret() {
    return PersonKeySecret.of("ingestion-test-secret-16+");
  }
}
