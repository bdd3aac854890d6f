package cn.timebank.simulator;

import java.util.List;
import java.util.Map;

/**
 * A tiny deterministic JSON writer (LF line ends, two-space indent, insertion order of maps), so
 * that every byte the simulator writes is the same on every machine.
 */
final class Json {

  private Json() {}

  /** Pretty-printed, ending without a newline. */
  static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, true);
    return out.toString();
  }

  /** On one line. */
  static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, false);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int depth, boolean pretty) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, depth + 1, pretty);
        string(out, String.valueOf(e.getKey()));
        out.append(pretty ? ": " : ":");
        write(out, e.getValue(), depth + 1, pretty);
      }
      newline(out, depth, pretty);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(out, depth + 1, pretty);
        write(out, list.get(i), depth + 1, pretty);
      }
      newline(out, depth, pretty);
      out.append(']');
    } else {
      string(out, value.toString());
    }
  }

  private static void newline(StringBuilder out, int depth, boolean pretty) {
    if (pretty) {
      out.append('\n');
      out.append("  ".repeat(depth));
    }
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
