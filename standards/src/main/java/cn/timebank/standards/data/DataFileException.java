package cn.timebank.standards.data;

/**
 * A data file of the standards library (the standard, a calendar, a registry file, ...) is wrong.
 * The message always names the file, the path inside it and the problem, e.g. {@code
 * TBHS-2024.1.yaml: $.catalogue[2].weight: must not be negative (was -1.0)}; a problem of the whole
 * file names no path ({@code registry.json: file not found: ...}).
 */
public final class DataFileException extends RuntimeException {

  private final String file;
  private final String path;
  private final String problem;

  public DataFileException(String file, String path, String problem) {
    super(message(file, path, problem));
    this.file = file;
    this.path = path;
    this.problem = problem;
  }

  public DataFileException(String file, String path, String problem, Throwable cause) {
    super(message(file, path, problem), cause);
    this.file = file;
    this.path = path;
    this.problem = problem;
  }

  private static String message(String file, String path, String problem) {
    return file + (path.equals("$") ? "" : ": " + path) + ": " + problem;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}
