package cn.timebank.ingestion.receipt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a receipt: per data file (in manifest order) and per result code (sorted).
 *
 * @param files file name → read, accepted, rejected
 * @param codes result code → how many records (or the package) got it
 */
public record Counts(Map<String, FileCount> files, Map<String, Long> codes) {

  public Counts {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    codes = Collections.unmodifiableMap(new TreeMap<>(codes));
  }

  public static Counts empty() {
    return new Counts(Map.of(), Map.of());
  }
}
