package cn.timebank.app.report;

/**
 * A report request that cannot be answered: a parameter missing or malformed ({@link
 * Kind#INVALID}), no such bank ({@link Kind#BANK_NOT_FOUND}), or nothing else to report on ({@link
 * Kind#NOT_FOUND}: a package, participant or region).
 */
public class ReportRequestException extends RuntimeException {

  /** Why the request cannot be answered. */
  public enum Kind {
    INVALID,
    BANK_NOT_FOUND,
    NOT_FOUND
  }

  private final Kind kind;

  public ReportRequestException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
