package cn.timebank.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected outcome of every record or package that is not plain: one line per expected code.
 * {@code line} counts as the spec does: CSV header = line 1, first record = line 2; JSON Lines
 * first record = line 1.
 */
final class Truth {

  private final List<Map<String, Object>> lines = new ArrayList<>();

  void record(String pkg, String file, Integer line, String ref, Fault fault) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("package", pkg);
    m.put("file", file);
    m.put("line", line);
    m.put("ref", ref);
    m.put("code", fault.code());
    m.put("field", fault.field());
    m.put("source", fault.source());
    m.put("note", fault.note());
    lines.add(m);
  }

  void badPackage(String pkg, String code, String file, String note, String requires) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("package", pkg);
    m.put("file", file);
    m.put("line", null);
    m.put("ref", null);
    m.put("code", code);
    m.put("field", null);
    m.put("source", "bad-package");
    m.put("note", note);
    m.put("requires", requires);
    lines.add(m);
  }

  int size() {
    return lines.size();
  }

  String jsonLines() {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> m : lines) {
      out.append(Json.compact(m)).append('\n');
    }
    return out.toString();
  }
}
