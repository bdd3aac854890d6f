package cn.timebank.ledger.config;

import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.ledger.store.CategoryTotals;
import cn.timebank.ledger.verify.LedgerVerifier;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's beans for an application that has a {@link DataSource} (import this class). The
 * schema comes from Spring Boot's Flyway with {@code
 * spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerConfiguration {

  @Bean
  LedgerWriter ledgerWriter(DataSource dataSource, LedgerProperties properties) {
    return new LedgerWriter(
        dataSource, properties.writePath(), properties.batchSize(), Clock.systemUTC());
  }

  @Bean
  Balances balances(DataSource dataSource) {
    return new Balances(JdbcClient.create(dataSource));
  }

  @Bean
  CategoryTotals categoryTotals(DataSource dataSource) {
    return new CategoryTotals(JdbcClient.create(dataSource));
  }

  @Bean
  LedgerVerifier ledgerVerifier(DataSource dataSource) {
    return new LedgerVerifier(dataSource);
  }

  @Bean
  AuditTrail auditTrail(DataSource dataSource) {
    return new AuditTrail(dataSource, Clock.systemUTC());
  }
}
