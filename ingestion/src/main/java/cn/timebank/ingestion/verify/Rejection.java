package cn.timebank.ingestion.verify;

/** Thrown by a check to end verification with its {@link Rejected}; never leaves the package. */
final class Rejection extends Exception {

  private final transient Rejected rejected;

  Rejection(Rejected rejected) {
    super(rejected.message(), null, false, false);
    this.rejected = rejected;
  }

  Rejected rejected() {
    return rejected;
  }
}
