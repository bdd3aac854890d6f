package cn.timebank.simulator;

import cn.timebank.standards.region.Region;
import cn.timebank.standards.region.RegionLevel;
import cn.timebank.standards.region.Regions;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Birthplaces in resident IDs, real GB/T 2260 districts of {@code standards}' {@link Regions}: most
 * people were born in the bank's own district, some elsewhere in its province, some anywhere.
 */
final class Birthplaces {

  private static final List<String> ALL_DISTRICTS =
      Regions.builtIn().all().stream()
          .filter(r -> r.level() == RegionLevel.DISTRICT)
          .map(Region::code)
          .toList();

  private Birthplaces() {}

  /** A birthplace: 55 % the bank's district, 25 % its province, 20 % any district. */
  static String of(SplittableRandom random, String bankRegion) {
    double u = random.nextDouble();
    if (u < 0.55) {
      return bankRegion;
    }
    if (u < 0.80) {
      List<Region> province = Regions.builtIn().districtsOf(bankRegion.substring(0, 2) + "0000");
      return province.isEmpty() ? bankRegion : province.get(random.nextInt(province.size())).code();
    }
    return ALL_DISTRICTS.get(random.nextInt(ALL_DISTRICTS.size()));
  }
}
