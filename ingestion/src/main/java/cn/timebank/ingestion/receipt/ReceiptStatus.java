package cn.timebank.ingestion.receipt;

/** The status of a receipt (spec §5). */
public enum ReceiptStatus {
  /** Nothing rejected and no warning. */
  ACPT,
  /** Nothing rejected, some warnings. */
  WARN,
  /** Some records rejected, some accepted. */
  PART,
  /** A package-level code, or every record rejected. */
  RJCT;

  /** The status of a package whose records were all read (no package-level code). */
  public static ReceiptStatus ofRecords(long read, long rejected, long warned) {
    if (read > 0 && rejected == read) {
      return RJCT;
    }
    if (rejected > 0) {
      return PART;
    }
    return warned > 0 ? WARN : ACPT;
  }
}
