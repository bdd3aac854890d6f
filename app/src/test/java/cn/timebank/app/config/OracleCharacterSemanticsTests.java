package cn.timebank.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

class OracleCharacterSemanticsTests {

  @Test
  void setsCharacterSemanticsForOracleOnly() throws Exception {
    assertThat(initSqlFor("Oracle")).isEqualTo("alter session set nls_length_semantics = char");
    assertThat(initSqlFor("PostgreSQL")).isNull();
    assertThat(initSqlFor("H2")).isNull();
  }

  private static String initSqlFor(String product) throws Exception {
    Connection connection = mock(Connection.class, RETURNS_DEEP_STUBS);
    given(connection.getMetaData().getDatabaseProductName()).willReturn(product);
    DataSource dataSource = mock(DataSource.class);
    given(dataSource.getConnection()).willReturn(connection);
    FluentConfiguration configuration = new FluentConfiguration().dataSource(dataSource);

    new OracleCharacterSemantics().customize(configuration);

    return configuration.getInitSql();
  }
}
