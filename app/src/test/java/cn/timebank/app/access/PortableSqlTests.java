package cn.timebank.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ledger.schema.PortableSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds the app's migration (users and tokens) to the ledger's {@link PortableSql} subset. */
class PortableSqlTests {

  private static final String SQL = PortableSql.migrations("V200__users_and_tokens.sql");

  @Test
  void namesAreShortAndNotReserved() {
    List<String> names = PortableSql.names(SQL);

    assertThat(names).contains("tb_users", "tb_tokens", "token_hash", "tb_tokens_hash_uq");
    assertThat(names).allSatisfy(n -> assertThat(n.length()).as(n).isLessThanOrEqualTo(30));
    assertThat(names).noneMatch(PortableSql.RESERVED::contains);
  }

  @Test
  void usesOnlyTypesAllThreeDatabasesHave() {
    assertThat(SQL).doesNotContainPattern(PortableSql.NON_PORTABLE_TYPES);
  }
}
