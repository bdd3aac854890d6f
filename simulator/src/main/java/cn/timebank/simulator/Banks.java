package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.region.Region;
import cn.timebank.standards.region.RegionLevel;
import cn.timebank.standards.region.Regions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated banks: eight real districts (GB/T 2260, names from {@code standards}' {@link
 * Regions}) in seven provinces, each with its own writing habits. For more than eight banks the
 * districts repeat with sequences 002, 003, ...
 */
final class Banks {

  private record District(
      String code,
      String[] streets,
      AmountBasis basis,
      String charset,
      boolean bom,
      boolean crlf,
      boolean jsonl,
      boolean offsets,
      int codeStyle,
      double weight) {}

  private static final List<District> DISTRICTS =
      List.of(
          new District(
              "310109",
              new String[] {"提篮桥街道", "四川北路街道", "欧阳路街道"},
              AmountBasis.DURATION,
              "UTF-8",
              true,
              true,
              false,
              true,
              0,
              1.3),
          new District(
              "430102",
              new String[] {"定王台街道", "文艺路街道", "朝阳街道"},
              AmountBasis.COINS,
              "GB18030",
              false,
              true,
              false,
              false,
              1,
              1.0),
          new District(
              "110105",
              new String[] {"望京街道", "八里庄街道", "团结湖街道"},
              AmountBasis.PER_SERVICE,
              "UTF-8",
              false,
              false,
              true,
              true,
              2,
              0.8),
          new District(
              "440305",
              new String[] {"粤海街道", "蛇口街道", "南头街道"},
              AmountBasis.DURATION,
              "UTF-8",
              false,
              false,
              true,
              true,
              1,
              1.2),
          new District(
              "330106",
              new String[] {"北山街道", "灵隐街道", "翠苑街道"},
              AmountBasis.DURATION,
              "UTF-8",
              false,
              false,
              false,
              true,
              0,
              1.0),
          new District(
              "510107",
              new String[] {"玉林街道", "浆洗街街道", "望江路街道"},
              AmountBasis.DURATION,
              "GB18030",
              false,
              true,
              false,
              false,
              2,
              0.9),
          new District(
              "420106",
              new String[] {"中华路街道", "粮道街道", "首义路街道"},
              AmountBasis.PER_SERVICE,
              "UTF-8",
              true,
              true,
              false,
              true,
              1,
              0.8),
          new District(
              "320102",
              new String[] {"玄武门街道", "梅园新村街道", "锁金村街道"},
              AmountBasis.DURATION,
              "UTF-8",
              false,
              false,
              false,
              true,
              0,
              1.0));

  /**
   * The banks' local code of each unified category by style: pinyin initials, short pinyin,
   * numbered. A category of the catalogue not listed here is not mapped by any bank.
   */
  private static final Map<String, List<String>> LOCAL_CODES =
      Map.of(
          "LIVING_ASSIST", List.of("SHZL", "SH", "FW01"),
          "PERSONAL_CARE", List.of("ZYZJ", "ZY", "FW02"),
          "MEDICAL_ESCORT", List.of("ZYPZ", "PZ", "FW03"),
          "EMOTIONAL_SUPPORT", List.of("JSWJ", "JS", "FW04"),
          "ERRANDS", List.of("DGDB", "DB", "FW05"),
          "SAFETY_VISIT", List.of("AQXF", "XF", "FW06"),
          "CULTURE_RECREATION", List.of("WTYL", "WY", "FW07"),
          "HEALTH_EDUCATION", List.of("JKKP", "KP", "FW08"),
          "TECH_HELP", List.of("ZNJS", "ZN", "FW09"),
          "SKILLED_NURSING", List.of("ZYHL", "HL", "FW10"));

  /** The category whose local code bank 0 renames in the middle of the period. */
  private static final String RENAMED_CATEGORY = "TECH_HELP";

  /** The code that replaces the TECH_HELP code when bank 0 changes its mapping (数字帮扶). */
  static final String RENAMED_TECH_HELP = "SZBF";

  /** A code no bank maps (其他服务): R105 anywhere. */
  static final String UNMAPPED_CODE = "QTFW";

  private Banks() {}

  /** The first {@code count} banks for a simulation of {@code period}. */
  static List<BankProfile> of(int count, YearMonth period, Catalogue catalogue) {
    List<BankProfile> banks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      District d = DISTRICTS.get(i % DISTRICTS.size());
      int sequence = i / DISTRICTS.size() + 1;
      String street = d.streets()[(sequence - 1) % d.streets().length];
      String name =
          districtName(d.code())
              + street
              + "时间银行"
              + (sequence > d.streets().length ? "（" + sequence + "）" : "");
      Map<String, String> v1 = mapping(d.codeStyle(), catalogue);
      Optional<Map<String, String>> v2 = Optional.empty();
      Optional<LocalDate> v2From = Optional.empty();
      if (i == 0) {
        Map<String, String> changed = new LinkedHashMap<>(v1);
        changed.replace(RENAMED_CATEGORY, RENAMED_TECH_HELP);
        v2 = Optional.of(changed);
        v2From = Optional.of(period.atDay(16));
      }
      LocalDate since = LocalDate.of(2024, 1 + (i % 4), 1);
      banks.add(
          new BankProfile(
              i,
              d.code() + "-" + String.format("%03d", sequence),
              d.code(),
              name,
              d.basis(),
              d.basis() == AmountBasis.COINS ? 6 : null,
              charset(d.charset()),
              d.bom(),
              d.crlf(),
              d.jsonl(),
              d.offsets(),
              since,
              "k" + since.getYear(),
              v1,
              v2,
              v2From,
              d.weight()));
    }
    return banks;
  }

  /** A registered but SUSPENDED bank (signature verifies, P003): only bad packages use it. */
  static BankProfile suspended(Catalogue catalogue) {
    District d = DISTRICTS.get(0);
    return new BankProfile(
        -1,
        d.code() + "-099",
        d.code(),
        districtName(d.code()) + "嘉兴路街道时间银行",
        AmountBasis.DURATION,
        null,
        StandardCharsets.UTF_8,
        false,
        false,
        false,
        true,
        LocalDate.of(2024, 1, 1),
        "k2024",
        mapping(0, catalogue),
        Optional.empty(),
        Optional.empty(),
        0);
  }

  /** Unified code → local code of a style, in catalogue order. */
  private static Map<String, String> mapping(int style, Catalogue catalogue) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Category c : catalogue.categories()) {
      List<String> local = LOCAL_CODES.get(c.code());
      if (local != null) {
        codes.put(c.code(), local.get(style));
      }
    }
    return codes;
  }

  /** The name of a district of {@code standards}' regions; fails for anything else. */
  static String districtName(String code) {
    return Regions.builtIn()
        .find(code)
        .filter(r -> r.level() == RegionLevel.DISTRICT)
        .map(Region::name)
        .orElseThrow(() -> new IllegalStateException(code + " is not a GB/T 2260 district"));
  }

  private static Charset charset(String name) {
    return name.equals("GB18030") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
  }
}
