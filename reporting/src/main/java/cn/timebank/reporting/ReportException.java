package cn.timebank.reporting;

import org.jspecify.annotations.Nullable;

/** A report that cannot be compiled, filled or exported: a fault of the template or the data. */
public final class ReportException extends RuntimeException {

  ReportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
