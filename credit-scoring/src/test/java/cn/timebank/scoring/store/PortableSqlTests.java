package cn.timebank.scoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ledger.schema.PortableSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds credit scoring's migration to the ledger's {@link PortableSql} subset. */
class PortableSqlTests {

  private static final String SQL =
      PortableSql.migrations("V100__credit_scoring.sql", "V101__score_parts_packed.sql");

  @Test
  void namesAreShortAndNotReserved() {
    List<String> names = PortableSql.names(SQL);

    assertThat(names).contains("cs_scores", "score_period", "cs_finding_parties_pk");
    assertThat(names).allSatisfy(n -> assertThat(n.length()).as(n).isLessThanOrEqualTo(30));
    assertThat(names).noneMatch(PortableSql.RESERVED::contains);
  }

  @Test
  void usesOnlyTypesAllThreeDatabasesHave() {
    assertThat(SQL).doesNotContainPattern(PortableSql.NON_PORTABLE_TYPES);
  }
}
