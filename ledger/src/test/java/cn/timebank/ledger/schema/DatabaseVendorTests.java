package cn.timebank.ledger.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseVendorTests {

  @Test
  void knowsTheThreeDatabasesByProductName() {
    assertThat(DatabaseVendor.ofProductName("H2")).isEqualTo(DatabaseVendor.H2);
    assertThat(DatabaseVendor.ofProductName("PostgreSQL")).isEqualTo(DatabaseVendor.POSTGRESQL);
    assertThat(DatabaseVendor.ofProductName("Oracle")).isEqualTo(DatabaseVendor.ORACLE);
    assertThatThrownBy(() -> DatabaseVendor.ofProductName("MySQL"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void locatesTheCommonAndTheVendorMigrations() {
    assertThat(LedgerSchema.locations(DatabaseVendor.POSTGRESQL))
        .containsExactly("classpath:db/migration/common", "classpath:db/migration/postgresql");
  }
}
