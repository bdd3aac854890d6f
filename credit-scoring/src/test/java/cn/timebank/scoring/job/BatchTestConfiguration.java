package cn.timebank.scoring.job;

import cn.timebank.scoring.config.CreditScoringConfiguration;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What the app's Spring Boot batch auto-configuration gives credit scoring, for tests: a JDBC job
 * repository and a job operator on the test's {@code dataSource} (registered by the test), and its
 * transaction manager.
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing
@EnableJdbcJobRepository
@Import(CreditScoringConfiguration.class)
class BatchTestConfiguration {

  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }
}
