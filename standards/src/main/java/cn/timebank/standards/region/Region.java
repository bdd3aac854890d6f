package cn.timebank.standards.region;

import java.util.Objects;
import java.util.Optional;

/**
 * An administrative division of GB/T 2260.
 *
 * @param code the 6-digit code, e.g. {@code 310109}
 * @param name the name, e.g. {@code 虹口区}
 * @param level province, city or district; it must agree with the code
 * @param parentCode the code of the division it belongs to; empty for a province. A district of a
 *     municipality (直辖市) or a county-level unit directly under its province (仙桃市) has the province
 *     as parent
 */
public record Region(String code, String name, RegionLevel level, Optional<String> parentCode) {

  public Region {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(parentCode, "parentCode");
    if (!Regions.isWellFormed(code)) {
      throw new IllegalArgumentException("a region code has 6 digits: " + code);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("region " + code + " has no name");
    }
    if (RegionLevel.ofCode(code) != level) {
      throw new IllegalArgumentException("code " + code + " is not of a " + level);
    }
    String province = code.substring(0, 2) + "0000";
    String city = code.substring(0, 4) + "00";
    boolean parentFits =
        switch (level) {
          case PROVINCE -> parentCode.isEmpty();
          case CITY -> parentCode.equals(Optional.of(province));
          case DISTRICT ->
              parentCode.equals(Optional.of(province)) || parentCode.equals(Optional.of(city));
        };
    if (!parentFits) {
      throw new IllegalArgumentException(
          "a " + level + " " + code + " cannot have the parent " + parentCode.orElse("(none)"));
    }
  }

  /** A municipality directly under the central government (北京, 天津, 上海, 重庆): a province named 市. */
  public boolean isMunicipality() {
    return level == RegionLevel.PROVINCE && name.endsWith("市");
  }
}
