package cn.timebank.simulator;

import java.util.List;
import java.util.Set;

/** The field names of spec §2, in the order the simulator writes them. */
final class Columns {

  static final List<String> PARTICIPANTS =
      List.of(
          "participant_ref",
          "id_type",
          "id_number",
          "name",
          "gender",
          "birth_date",
          "region_code",
          "roles",
          "registered_on",
          "status",
          "status_date",
          "lives_alone",
          "low_income",
          "disability_level",
          "certificates");

  static final List<String> SERVICES =
      List.of(
          "service_ref",
          "provider_ref",
          "recipient_ref",
          "local_category",
          "start",
          "end",
          "local_amount",
          "funding",
          "status",
          "verification",
          "rating",
          "location_region",
          "recorded_at");

  static final List<String> TRANSACTIONS =
      List.of(
          "txn_ref",
          "type",
          "participant_ref",
          "counterparty_ref",
          "counterparty_bank",
          "standard_minutes",
          "occurred_at",
          "reverses_ref",
          "note");

  /** Fields that JSON Lines writes as JSON numbers (spec §2). */
  static final Set<String> NUMERIC =
      Set.of("local_amount", "rating", "disability_level", "standard_minutes");

  private Columns() {}
}
