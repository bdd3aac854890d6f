package cn.timebank.standards.region;

import cn.timebank.standards.data.StrictNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a region file: {@code source} and {@code regions}, a list of {@code [code, name]} for a
 * province and {@code [code, name, parentCode]} otherwise. Refuses a malformed or repeated code, a
 * level or parent that does not fit the code, a parent that is not in the file, unknown keys.
 */
final class RegionFileReader {

  private RegionFileReader() {}

  static Regions read(StrictNode root) {
    String source = root.get("source").asText();
    Map<String, Region> regions = new LinkedHashMap<>();
    Map<String, StrictNode> nodes = new LinkedHashMap<>();
    for (StrictNode row : root.get("regions").elements()) {
      Region region = readRow(row);
      if (regions.putIfAbsent(region.code(), region) != null) {
        throw row.error("the code " + region.code() + " is listed twice");
      }
      nodes.put(region.code(), row);
    }
    root.noOtherKeys();
    for (Region region : regions.values()) {
      region
          .parentCode()
          .filter(parent -> !regions.containsKey(parent))
          .ifPresent(
              parent -> {
                throw nodes.get(region.code()).error("the parent " + parent + " is not listed");
              });
    }
    return new Regions(regions.values(), source);
  }

  private static Region readRow(StrictNode row) {
    List<StrictNode> cells = row.elements();
    if (cells.size() < 2 || cells.size() > 3) {
      throw row.error("must be [code, name] or [code, name, parent code]");
    }
    String code = cells.get(0).asText();
    if (!Regions.isWellFormed(code)) {
      throw cells.get(0).error("must be a 6-digit code (was '" + code + "')");
    }
    String name = cells.get(1).asText();
    Optional<String> parent =
        cells.size() == 3 ? Optional.of(cells.get(2).asText()) : Optional.empty();
    try {
      return new Region(code, name, RegionLevel.ofCode(code), parent);
    } catch (IllegalArgumentException e) {
      throw row.error(e.getMessage());
    }
  }
}
