package cn.timebank.ledger.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds the ledger's common migrations to the {@link PortableSql} subset. */
class PortableSqlTests {

  private static final String SQL =
      PortableSql.migrations(
          "V1__canonical_store_and_ledger.sql",
          "V3__record_engine_state.sql",
          "V300__audit_trail.sql",
          "V9__live_holds.sql",
          "V10__live_path_names.sql");

  @Test
  void namesAreShortAndNotReserved() {
    List<String> names = PortableSql.names(SQL);

    assertThat(names)
        .contains(
            "ledger_entries",
            "amount_minutes",
            "ledger_entries_chain_uq",
            "credited_services",
            "staged_records",
            "audit_events",
            "action_name",
            "live_holds",
            "lease_until",
            "live_path");
    assertThat(names).allSatisfy(n -> assertThat(n.length()).as(n).isLessThanOrEqualTo(30));
    assertThat(names).noneMatch(PortableSql.RESERVED::contains);
  }

  @Test
  void usesOnlyTypesAllThreeDatabasesHave() {
    assertThat(SQL).doesNotContainPattern(PortableSql.NON_PORTABLE_TYPES);
    assertThat(SQL).doesNotContainPattern(PortableSql.ADD_COLUMN);
  }
}
