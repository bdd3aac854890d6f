package cn.timebank.ingestion.stream;

import cn.timebank.standards.model.IdMasking;
import cn.timebank.standards.model.IdType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An event's fields as they may be shown again (a reject's echo): {@code id_number} replaced by its
 * masked form ({@code 110105********123X}), or by {@value #REDACTED} when it cannot be masked (an
 * invalid number, an unknown {@code id_type}); the raw number is never echoed.
 */
final class Echo {

  static final String REDACTED = "********";
  private static final String ID_NUMBER = "id_number";

  private Echo() {}

  static Map<String, String> of(Map<String, String> fields) {
    Map<String, String> echo = new LinkedHashMap<>(fields);
    String number = echo.get(ID_NUMBER);
    if (number != null) {
      echo.put(ID_NUMBER, masked(echo.get("id_type"), number));
    }
    return echo;
  }

  private static String masked(String idType, String number) {
    try {
      IdType type = IdType.valueOf(idType == null ? "" : idType.strip().toUpperCase(Locale.ROOT));
      return IdMasking.mask(type, number.strip());
    } catch (RuntimeException e) {
      return REDACTED;
    }
  }
}
