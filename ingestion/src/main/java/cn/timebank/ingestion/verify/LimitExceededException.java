package cn.timebank.ingestion.verify;

import java.io.IOException;

/** Reading a package entry broke an {@link OpeningLimits} limit (P009). */
final class LimitExceededException extends IOException {

  private final String entry;

  LimitExceededException(String entry, String message) {
    super(message);
    this.entry = entry;
  }

  String entry() {
    return entry;
  }
}
