package cn.timebank.ingestion.batch;

import org.jspecify.annotations.Nullable;

/**
 * The job of a package did not complete: the run itself failed (not the package, whose problems are
 * its receipt's). Delivering the same package again resumes it.
 */
public final class PackageRunException extends RuntimeException {

  public PackageRunException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
