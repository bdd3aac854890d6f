package cn.timebank.standards.region;

import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.data.StrictNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provinces, cities and districts of GB/T 2260, by code ({@code regions/gbt2260.json}, see the
 * module README for its source).
 *
 * <p>Spec §1 derives a province code (first 2 digits + {@code 0000}) and a city code (first 4 +
 * {@code 00}) from a district code. For the districts of a municipality the spec's city code
 * ({@code 310100}, the 市辖区 grouping of the source) is not a region here: {@link #city} gives the
 * municipality itself. A county-level unit directly under its province (湖北 仙桃市 429004) has no city.
 * Unknown codes give empty results, never an exception.
 */
public final class Regions {

  /** The class-path resource of the built-in regions. */
  public static final String RESOURCE = "regions/gbt2260.json";

  private final Map<String, Region> byCode;
  private final String source;

  Regions(Collection<Region> regions, String source) {
    this.byCode =
        regions.stream()
            .collect(
                Collectors.toMap(Region::code, Function.identity(), (a, b) -> a, TreeMap::new));
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The regions shipped with this library. */
  public static Regions builtIn() {
    return Holder.BUILT_IN;
  }

  /** Regions from a class-path resource in the format of the built-in one. */
  public static Regions fromResource(String resource) {
    return from(DataFiles.readResource(resource));
  }

  /** Regions from a data file already read; errors name the file and the path. */
  public static Regions from(StrictNode root) {
    return RegionFileReader.read(Objects.requireNonNull(root, "root"));
  }

  /** The region of a 6-digit code. */
  public Optional<Region> find(String code6) {
    return isWellFormed(code6) ? Optional.ofNullable(byCode.get(code6)) : Optional.empty();
  }

  /** The region a known region belongs to; empty for a province or an unknown code. */
  public Optional<Region> parent(String code) {
    return find(code).flatMap(Region::parentCode).flatMap(this::find);
  }

  /** The province of a known region (a province is its own province). */
  public Optional<Region> province(String code) {
    return find(code).flatMap(region -> find(code.substring(0, 2) + "0000"));
  }

  /**
   * The prefecture-level city of a known region: a city is its own city; for a district of a
   * municipality, or the municipality itself, the municipality; empty for any other province and
   * for a county-level unit directly under its province.
   */
  public Optional<Region> city(String code) {
    return find(code)
        .flatMap(
            region ->
                switch (region.level()) {
                  case CITY -> Optional.of(region);
                  case PROVINCE -> Optional.of(region).filter(Region::isMunicipality);
                  case DISTRICT ->
                      parent(code)
                          .filter(
                              parent ->
                                  parent.level() == RegionLevel.CITY || parent.isMunicipality());
                });
  }

  /** True for a known district-level (县级) code. */
  public boolean isDistrict(String code) {
    return find(code).map(region -> region.level() == RegionLevel.DISTRICT).orElse(false);
  }

  /** The district-level regions of a province, by code; empty unless it is a known province. */
  public List<Region> districtsOf(String provinceCode) {
    Optional<Region> province =
        find(provinceCode).filter(region -> region.level() == RegionLevel.PROVINCE);
    if (province.isEmpty()) {
      return List.of();
    }
    String prefix = provinceCode.substring(0, 2);
    return byCode.values().stream()
        .filter(region -> region.level() == RegionLevel.DISTRICT)
        .filter(region -> region.code().startsWith(prefix))
        .toList();
  }

  /** Every region, by code. */
  public List<Region> all() {
    return List.copyOf(byCode.values());
  }

  /** Where the data comes from, as the data file states it. */
  public String source() {
    return source;
  }

  static boolean isWellFormed(String code) {
    return code != null && code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Loads the built-in regions once, when first asked for. */
  private static final class Holder {
    static final Regions BUILT_IN = fromResource(RESOURCE);
  }
}
