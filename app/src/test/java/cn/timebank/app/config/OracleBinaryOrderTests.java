package cn.timebank.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class OracleBinaryOrderTests {

  @Test
  void oracleConnectionsSortInBinaryOrder() {
    HikariDataSource hikari = pool("jdbc:oracle:thin:@//localhost:1521/FREEPDB1");
    new OracleBinaryOrder().postProcessBeforeInitialization(hikari, "dataSource");
    assertThat(hikari.getConnectionInitSql())
        .isEqualTo("alter session set nls_sort = binary nls_comp = binary");
  }

  @Test
  void aConfiguredInitStatementWins() {
    HikariDataSource hikari = pool("jdbc:oracle:thin:@//localhost:1521/FREEPDB1");
    hikari.setConnectionInitSql("select 1 from dual");
    OracleBinaryOrder.apply(hikari);
    assertThat(hikari.getConnectionInitSql()).isEqualTo("select 1 from dual");
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    for (String url :
        new String[] {"jdbc:h2:file:data/db/timebank", "jdbc:postgresql://127.0.0.1:5432/test"}) {
      HikariDataSource hikari = pool(url);
      OracleBinaryOrder.apply(hikari);
      assertThat(hikari.getConnectionInitSql()).isNull();
    }
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource hikari = new HikariDataSource();
    hikari.setJdbcUrl(url);
    return hikari;
  }
}
