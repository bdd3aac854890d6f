package cn.timebank.standards.codes;

/** What a result code does to what it is given to (spec §4). */
public enum Severity {
  /** Rejects the whole package: nothing of it is applied. */
  PACKAGE_REJECTED,
  /** Rejects the record. */
  RECORD_REJECTED,
  /** Accepts the record with a warning. */
  WARNING
}
