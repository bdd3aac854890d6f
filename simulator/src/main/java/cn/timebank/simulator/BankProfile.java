package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import cn.timebank.standards.model.AmountBasis;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated bank: who it is, how it writes its packages and how its local category codes map to
 * the unified catalogue (unified code → local code, in catalogue order). A bank may change its
 * mapping once ({@code mappingV2} from {@code mappingV2From}).
 */
record BankProfile(
    int index,
    String code,
    String regionCode,
    String name,
    AmountBasis basis,
    Integer coinsPerHour,
    Charset charset,
    boolean bom,
    boolean crlf,
    boolean jsonl,
    boolean offsetTimestamps,
    LocalDate registeredSince,
    String keyId,
    Map<String, String> mappingV1,
    Optional<Map<String, String>> mappingV2,
    Optional<LocalDate> mappingV2From,
    double sizeWeight) {

  BankProfile {
    mappingV1 = Collections.unmodifiableMap(new LinkedHashMap<>(mappingV1));
    mappingV2 = mappingV2.map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
  }

  /** The local code of a unified category in force on {@code day}. */
  String localCode(Category category, LocalDate day) {
    if (mappingV2.isPresent() && !day.isBefore(mappingV2From.orElseThrow())) {
      return mappingV2.get().get(category.code());
    }
    return mappingV1.get(category.code());
  }

  /** The local code retired by the mapping change, if any (no mapping from then on: R105). */
  Optional<String> retiredCode() {
    if (mappingV2.isEmpty()) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : mappingV1.entrySet()) {
      if (!mappingV2.get().containsValue(e.getValue())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  String encodingName() {
    return charset.name().equals("GB18030") ? "GB18030" : "UTF-8";
  }

  String extension() {
    return jsonl ? ".jsonl" : ".csv";
  }

  String format() {
    return jsonl ? "JSONL" : "CSV";
  }

  /** Whether the basis allows a fault that needs {@code end} and a duration (R103, R104, W202). */
  boolean hasDuration() {
    return basis != AmountBasis.PER_SERVICE;
  }
}
