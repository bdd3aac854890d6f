package cn.timebank.ingestion.read;

import cn.timebank.standards.model.FieldProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One record of a data file as read, before any field rule: the file name, the line where the
 * record starts (CSV: header = line 1, first record = line 2; JSON Lines: first line = line 1) and
 * its fields by column name, as the {@code standards} readers take them. A record the reader could
 * not take apart (a line that is not a JSON object, a field or record over the {@link ReadLimits},
 * an unclosed quote) carries its R102 {@code problem} instead, and no fields — or, a JSON object
 * refused for one of its values, the fields that could be read, only to name the record, and the
 * names of every value it refused ({@code refused}: the problem's field first).
 */
public record RawRecord(
    String file,
    long line,
    Map<String, String> fields,
    Optional<FieldProblem> problem,
    Set<String> refused) {

  /** The field name of a problem that concerns the whole record rather than one column. */
  public static final String WHOLE_RECORD = "(record)";

  public RawRecord {
    if (file == null
        || file.isBlank()
        || line < 1
        || fields == null
        || problem == null
        || refused == null) {
      throw new IllegalArgumentException(
          "file, a line >= 1, fields, problem and refused are required");
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    refused = Collections.unmodifiableSet(new LinkedHashSet<>(refused));
  }

  static RawRecord of(String file, long line, Map<String, String> fields) {
    return new RawRecord(file, line, fields, Optional.empty(), Set.of());
  }

  static RawRecord malformed(String file, long line, FieldProblem problem) {
    return malformed(file, line, problem, Map.of(), Set.of(problem.field()));
  }

  /**
   * A record refused by its reader, with the fields that could still be read (a JSON object with
   * one bad value): they only name the record (its ref in a receipt, a reject's event id, bank and
   * ref), never make it readable.
   */
  static RawRecord malformed(
      String file,
      long line,
      FieldProblem problem,
      Map<String, String> readable,
      Set<String> refused) {
    Set<String> all = new LinkedHashSet<>();
    all.add(problem.field());
    all.addAll(refused);
    return new RawRecord(file, line, readable, Optional.of(problem), all);
  }

  public boolean isReadable() {
    return problem.isEmpty();
  }

  /**
   * Every problem of a record the parser refused: its problem and, when it was refused for a value
   * and kept the others (a JSON object with a boolean, a nested value, a repeated key, an over-long
   * field), those found among them ({@code fieldProblems}: what the reader says of {@link #fields})
   * — so that the record gets the lowest code that applies (spec §4), as batch and stream both take
   * it. What is said of a refused field (this one, or another refused value of the same object,
   * which a reader would call missing) is left out. A record with no fields kept (a CSV row cut by
   * an unclosed quote or an over-long field) has its parser's problem only.
   */
  public List<FieldProblem> problemsWith(List<FieldProblem> fieldProblems) {
    FieldProblem parsed = problem.orElseThrow(() -> new IllegalStateException("a readable record"));
    List<FieldProblem> all = new ArrayList<>(List.of(parsed));
    if (!parsed.field().equals(WHOLE_RECORD) && !fields.isEmpty()) {
      fieldProblems.stream().filter(p -> !refused.contains(p.field())).forEach(all::add);
    }
    return all;
  }
}
