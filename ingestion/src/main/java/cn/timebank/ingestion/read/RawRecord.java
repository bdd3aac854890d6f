package cn.timebank.ingestion.read;

import cn.timebank.standards.model.FieldProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One record of a data file as read, before any field rule: the file name, the line where the
 * record starts (CSV: header = line 1, first record = line 2; JSON Lines: first line = line 1) and
 * its fields by column name, as the {@code standards} readers take them. A record the reader could
 * not take apart (a line that is not a JSON object, a field or record over the {@link ReadLimits},
 * an unclosed quote) carries its R102 {@code problem} instead, and no fields.
 */
public record RawRecord(
    String file, long line, Map<String, String> fields, Optional<FieldProblem> problem) {

  /** The field name of a problem that concerns the whole record rather than one column. */
  public static final String WHOLE_RECORD = "(record)";

  public RawRecord {
    if (file == null || file.isBlank() || line < 1 || fields == null || problem == null) {
      throw new IllegalArgumentException("file, a line >= 1, fields and problem are required");
    }
    if (problem.isPresent() && !fields.isEmpty()) {
      throw new IllegalArgumentException("a record with a problem has no fields");
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  static RawRecord of(String file, long line, Map<String, String> fields) {
    return new RawRecord(file, line, fields, Optional.empty());
  }

  static RawRecord malformed(String file, long line, FieldProblem problem) {
    return new RawRecord(file, line, Map.of(), Optional.of(problem));
  }

  public boolean isReadable() {
    return problem.isEmpty();
  }
}
