package cn.timebank.standards.registry;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One version of a bank's category mapping (spec §1): each local service code to one unified
 * category code, from {@code validFrom} until the next version's date. A version is complete
 * (decision): a local code a later version leaves out has no mapping from that version's date
 * (R105), it does not fall back to an earlier version.
 */
public record CategoryMapping(LocalDate validFrom, Map<String, String> codes) {

  /** A unified category code: upper-case letters, digits and underscores. */
  static final Pattern UNIFIED = Pattern.compile("[A-Z][A-Z0-9_]*");

  public CategoryMapping {
    if (validFrom == null) {
      throw new IllegalArgumentException("valid_from is required");
    }
    if (codes == null || codes.isEmpty()) {
      throw new IllegalArgumentException("codes must map at least one local code");
    }
    for (Map.Entry<String, String> entry : codes.entrySet()) {
      if (!isLocalCode(entry.getKey())) {
        throw new IllegalArgumentException(
            "codes: local code '"
                + entry.getKey()
                + "' must be 1 to 64 characters, no blanks around");
      }
      if (entry.getValue() == null || !UNIFIED.matcher(entry.getValue()).matches()) {
        throw new IllegalArgumentException(
            "codes." + entry.getKey() + ": not a unified category code: " + entry.getValue());
      }
    }
    codes = Collections.unmodifiableMap(new TreeMap<>(codes));
  }

  /** The unified category of a local code in this version. */
  public Optional<String> unified(String localCode) {
    return Optional.ofNullable(codes.get(localCode));
  }

  static boolean isLocalCode(String code) {
    return code != null && !code.isEmpty() && code.length() <= 64 && code.equals(code.strip());
  }
}
