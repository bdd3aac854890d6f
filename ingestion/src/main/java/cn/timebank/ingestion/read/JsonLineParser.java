package cn.timebank.ingestion.read;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one JSON Lines line into a {@link RawRecord} (spec §2): the line must be one JSON object; a
 * string value is taken as is, a number as its exact text from the line ({@code 1.10} stays {@code
 * 1.10}, never through a double), {@code null} as absent. Everything else is R102: a line that is
 * not one object ({@code (record)}), a value that is a boolean, array or object, a key that appears
 * twice, a value over the field limit (the field named: the first such field). A record refused for
 * one of its values keeps its other string and number fields, so that its ref can be named.
 */
public final class JsonLineParser {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final String fileName;
  private final ReadLimits limits;

  public JsonLineParser(String fileName, ReadLimits limits) {
    this.fileName = fileName;
    this.limits = limits;
  }

  public RawRecord parse(String text, long line) {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return problem(line, RawRecord.WHOLE_RECORD, "is not a JSON object", Map.of());
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Set<String> names = new HashSet<>();
      String badField = null;
      String badDetail = null;
      Set<String> refused = new LinkedHashSet<>();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        String problem = null;
        if (!names.add(name)) {
          problem = "appears twice in the object";
        } else if (value == JsonToken.VALUE_NULL) {
          fields.put(name, null);
        } else if (value != JsonToken.VALUE_STRING && !value.isNumeric()) {
          problem = "must be a JSON string or number (was " + kind(value) + ")";
        } else if (parser.getString().length() > limits.maxFieldChars()) {
          problem = "is longer than the field limit";
        } else {
          fields.put(name, parser.getString());
        }
        if (value.isStructStart()) {
          parser.skipChildren();
        }
        if (problem != null) {
          // the first problem is the record's; the rest is read on to name the record and to find
          // a lower code among its other fields (RawRecord.problemsWith)
          refused.add(name);
          if (badField == null) {
            badField = name;
            badDetail = problem;
          }
        }
      }
      fields.values().removeIf(v -> v == null);
      if (badField != null) {
        return problem(line, badField, badDetail, fields, refused);
      }
      if (parser.nextToken() != null) {
        return problem(line, RawRecord.WHOLE_RECORD, "has text after the JSON object", Map.of());
      }
      return RawRecord.of(fileName, line, fields);
    } catch (JacksonException e) {
      // Never the parser's own message: it may quote the text, an identity number among it.
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      return problem(
          line,
          RawRecord.WHOLE_RECORD,
          "is not a JSON object"
              + (column > 0 ? " (invalid JSON at character " + column + ")" : ""),
          Map.of());
    }
  }

  /** A JSON value's kind in words, for a message. */
  private static String kind(JsonToken value) {
    return switch (value) {
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> "not a string or number";
    };
  }

  private RawRecord problem(long line, String field, String detail, Map<String, String> readable) {
    return problem(line, field, detail, readable, Set.of());
  }

  /**
   * A refused record. Its problem names the field only when the key looks like a column name (the
   * spec's are lower-case words joined by {@code _}, at most 64 characters): any other key — say,
   * an identity number written as a key — is never echoed in a receipt or a reject.
   */
  private RawRecord problem(
      long line, String field, String detail, Map<String, String> readable, Set<String> refused) {
    boolean column = field != null && COLUMN.matcher(field).matches();
    boolean whole = field == null || field.equals(RawRecord.WHOLE_RECORD);
    FieldProblem problem =
        whole || column
            ? new FieldProblem(whole ? RawRecord.WHOLE_RECORD : field, ResultCode.R102, detail)
            : new FieldProblem(
                RawRecord.WHOLE_RECORD,
                ResultCode.R102,
                "has a field whose name is no column name that " + detail);
    return RawRecord.malformed(fileName, line, problem, readable, refused);
  }
}
