package cn.timebank.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What fills one report: its rows (one map per detail row, keyed by the template's field names) and
 * its own parameters (keyed by the template's parameter names). Values may be null where the
 * template prints a blank.
 *
 * @param rows in print order
 * @param parameters the report's parameters, beside the ones the renderer adds
 */
public record ReportData(
    List<Map<String, @Nullable Object>> rows, Map<String, @Nullable Object> parameters) {

  public ReportData {
    List<Map<String, @Nullable Object>> copied = new ArrayList<>(rows.size());
    for (Map<String, @Nullable Object> row : rows) {
      copied.add(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(row))));
    }
    rows = Collections.unmodifiableList(copied);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
