package cn.timebank.app.config;

import cn.timebank.ledger.schema.DatabaseVendor;
import cn.timebank.ledger.schema.LedgerSchema;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * On Oracle, the migrations run with {@code nls_length_semantics = char} ({@link
 * LedgerSchema#ORACLE_INIT_SQL}), so that {@code VARCHAR(n)} holds n characters as on H2 and
 * PostgreSQL — not n bytes, a third of that in Chinese (AL32UTF8). The statement fails on the other
 * databases, so it is set here, for Oracle only, rather than in {@code spring.flyway.init-sqls}.
 */
@Component
class OracleCharacterSemantics implements FlywayConfigurationCustomizer {

  @Override
  public void customize(FluentConfiguration configuration) {
    if (configuration.getDataSource() != null
        && DatabaseVendor.of(configuration.getDataSource()) == DatabaseVendor.ORACLE) {
      configuration.initSql(LedgerSchema.ORACLE_INIT_SQL);
    }
  }
}
