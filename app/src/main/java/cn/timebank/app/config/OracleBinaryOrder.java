package cn.timebank.app.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On Oracle, every pooled connection sorts and compares text in binary order ({@link #INIT_SQL}),
 * as H2 and PostgreSQL's keyset reads expect: the live path reads the database a page at a time
 * after the last ref of the page before ({@code ledger.store.KeysetPages}), and a linguistic {@code
 * NLS_SORT} (which the JDBC driver may take from the JVM's locale) would order the pages otherwise
 * than {@code >} compares, so that refs could be skipped or read twice. A pool with its own {@code
 * connection-init-sql} is left as configured; H2 and PostgreSQL are left alone.
 */
final class OracleBinaryOrder implements BeanPostProcessor {

  static final String INIT_SQL = "alter session set nls_sort = binary nls_comp = binary";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari) {
      apply(hikari);
    }
    return bean;
  }

  static void apply(HikariDataSource hikari) {
    String url = hikari.getJdbcUrl();
    if (url != null && url.startsWith("jdbc:oracle:") && hikari.getConnectionInitSql() == null) {
      hikari.setConnectionInitSql(INIT_SQL);
    }
  }
}
