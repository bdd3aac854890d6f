package cn.timebank.standards.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data files of a package (spec §2 manifest {@code type}) and their columns, in spec order: the
 * one place that lists them.
 *
 * <p>Decision (spec silent): a CSV header must contain <em>every</em> column the spec lists for its
 * file, even those whose values are optional or empty, so that a missing column is a P010 rather
 * than a silently empty field; columns the spec does not list are allowed and ignored. Column names
 * are compared exactly (case-sensitive).
 */
public enum FileType {
  PARTICIPANTS(
      "participant_ref",
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
      "certificates"),
  SERVICES(
      "service_ref",
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
      "recorded_at"),
  TRANSACTIONS(
      "txn_ref",
      "txn_ref",
      "type",
      "participant_ref",
      "counterparty_ref",
      "counterparty_bank",
      "standard_minutes",
      "occurred_at",
      "reverses_ref",
      "note");

  private final String refColumn;
  private final List<String> columns;

  FileType(String refColumn, String... columns) {
    this.refColumn = refColumn;
    this.columns = List.of(columns);
  }

  /** The columns of the file, in spec order. */
  public List<String> columns() {
    return columns;
  }

  /** The columns a CSV header must contain: all of {@link #columns()} (see the class comment). */
  public List<String> requiredColumns() {
    return columns;
  }

  /** The column holding the record's ref, reported in receipts: {@code service_ref}, ... */
  public String refColumn() {
    return refColumn;
  }

  /**
   * What is wrong with a CSV header for P010: the spec columns it lacks and the columns it repeats,
   * e.g. {@code "lacks [end, rating]; repeats [start]"}; empty when the header is fine.
   */
  public Optional<String> headerProblem(List<String> header) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String column : header) {
      if (!seen.add(column)) {
        repeated.add(column);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String column : columns) {
      if (!seen.contains(column)) {
        missing.add(column);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("lacks " + missing);
    }
    if (!repeated.isEmpty()) {
      parts.add("repeats " + repeated);
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }
}
