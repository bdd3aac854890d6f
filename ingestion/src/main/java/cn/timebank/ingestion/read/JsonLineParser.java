package cn.timebank.ingestion.read;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * twice, a value over the field limit (the field named).
 */
public final class JsonLineParser {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String fileName;
  private final ReadLimits limits;

  public JsonLineParser(String fileName, ReadLimits limits) {
    this.fileName = fileName;
    this.limits = limits;
  }

  public RawRecord parse(String text, long line) {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return problem(line, RawRecord.WHOLE_RECORD, "is not a JSON object");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (fields.containsKey(name)) {
          return problem(line, name, "appears twice in the object");
        }
        if (value == JsonToken.VALUE_NULL) {
          fields.put(name, null);
          continue;
        }
        if (value != JsonToken.VALUE_STRING && !value.isNumeric()) {
          return problem(line, name, "must be a JSON string or number (was " + value + ")");
        }
        String content = parser.getString();
        if (content.length() > limits.maxFieldChars()) {
          return problem(line, name, "is longer than the field limit");
        }
        fields.put(name, content);
      }
      if (parser.nextToken() != null) {
        return problem(line, RawRecord.WHOLE_RECORD, "has text after the JSON object");
      }
      fields.values().removeIf(v -> v == null);
      return RawRecord.of(fileName, line, fields);
    } catch (JacksonException e) {
      return problem(
          line, RawRecord.WHOLE_RECORD, "is not a JSON object: " + e.getOriginalMessage());
    }
  }

  private RawRecord problem(long line, String field, String detail) {
    String named = field == null || field.isBlank() ? RawRecord.WHOLE_RECORD : field;
    return RawRecord.malformed(fileName, line, new FieldProblem(named, ResultCode.R102, detail));
  }
}
