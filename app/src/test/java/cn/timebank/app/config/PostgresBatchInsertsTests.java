package cn.timebank.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchInsertsTests {

  @Test
  void postgresqlGetsRewrittenBatchInserts() {
    HikariDataSource hikari = pool("jdbc:postgresql://127.0.0.1:5432/test");
    new PostgresBatchInserts().postProcessBeforeInitialization(hikari, "dataSource");
    assertThat(hikari.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
  }

  @Test
  void aValueInTheUrlWins() {
    HikariDataSource hikari =
        pool("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=false");
    PostgresBatchInserts.apply(hikari);
    assertThat(hikari.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
  }

  @Test
  void aConfiguredPropertyWins() {
    HikariDataSource hikari = pool("jdbc:postgresql://127.0.0.1:5432/test");
    hikari.addDataSourceProperty("reWriteBatchedInserts", "false");
    PostgresBatchInserts.apply(hikari);
    assertThat(hikari.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    for (String url :
        new String[] {
          "jdbc:h2:file:data/db/timebank", "jdbc:oracle:thin:@//localhost:1521/FREEPDB1"
        }) {
      HikariDataSource hikari = pool(url);
      PostgresBatchInserts.apply(hikari);
      assertThat(hikari.getDataSourceProperties()).isEmpty();
    }
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource hikari = new HikariDataSource();
    hikari.setJdbcUrl(url);
    return hikari;
  }
}
