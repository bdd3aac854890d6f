package cn.timebank.scoring.characteristic;

/**
 * Where a characteristic's figures come from: a table grouped by the participant's ref, or the
 * participant's own row. Every characteristic of one source is computed in the same grouped query
 * (one pass over the table for all of them): {@link #PROVIDED} and {@link #RECEIVED} take the
 * current versions of the services started in the window, in any status — each characteristic picks
 * its statuses with conditional aggregates; {@link #FINDINGS} the period's findings of the rules
 * version in force.
 */
enum Source {
  /** Services provided: {@code services} grouped by {@code provider_ref}. */
  PROVIDED(
      "services",
      "provider_ref",
      "current_flag = 'Y' and start_at >= :from and start_at < :to",
      "pv"),
  /** Services received: {@code services} grouped by {@code recipient_ref}. */
  RECEIVED(
      "services",
      "recipient_ref",
      "current_flag = 'Y' and start_at >= :from and start_at < :to",
      "rc"),
  /** Findings naming the participant: {@code cs_finding_parties} grouped by participant. */
  FINDINGS(
      "cs_finding_parties",
      "participant_ref",
      "score_period = :period and rules_version = :rules",
      "fd"),
  /** The participant's row in {@code participants} (no grouping). */
  PARTICIPANT("participants", "participant_ref", null, "p");

  private final String table;
  private final String refColumn;
  private final String filter;
  private final String alias;

  Source(String table, String refColumn, String filter, String alias) {
    this.table = table;
    this.refColumn = refColumn;
    this.filter = filter;
    this.alias = alias;
  }

  String table() {
    return table;
  }

  String refColumn() {
    return refColumn;
  }

  /** The source's own condition with named parameters, or null (participants). */
  String filter() {
    return filter;
  }

  /** Its alias in the composed query. */
  String alias() {
    return alias;
  }

  boolean grouped() {
    return filter != null;
  }
}
