package cn.timebank.app.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On PostgreSQL, lets pgjdbc send a JDBC batch of inserts as multi-row {@code INSERT}s ({@code
 * reWriteBatchedInserts=true}): the ingestion's state tables, canonical rows and staged records are
 * written as batches, and the rewritten form costs one statement per few hundred rows instead of
 * one per row. A value set in the URL or in {@code spring.datasource.hikari.data-source-properties}
 * wins; H2 and Oracle are left alone. Nothing reads the update counts of these batches.
 */
final class PostgresBatchInserts implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari) {
      apply(hikari);
    }
    return bean;
  }

  static void apply(HikariDataSource hikari) {
    String url = hikari.getJdbcUrl();
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return;
    }
    if (url.toLowerCase(Locale.ROOT).contains(PROPERTY.toLowerCase(Locale.ROOT))
        || hikari.getDataSourceProperties().containsKey(PROPERTY)) {
      return;
    }
    hikari.addDataSourceProperty(PROPERTY, "true");
  }
}
