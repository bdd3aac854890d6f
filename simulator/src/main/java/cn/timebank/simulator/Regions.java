package cn.timebank.simulator;

import java.util.SplittableRandom;

/**
 * Real GB/T 2260 district codes used as birthplaces in resident IDs: most people were born in the
 * bank's own province, some came from elsewhere.
 */
final class Regions {

  private static final String[] CODES = {
    "110101", "110102", "110105", "110108", "310101", "310104", "310109", "310110", "320102",
    "320106", "320583", "321002", "330102", "330106", "340102", "370102", "410102", "420102",
    "420106", "430102", "430103", "440104", "440303", "440305", "510104", "510107", "360102",
    "130102", "500103", "610103"
  };

  private Regions() {}

  /** A birthplace: 55 % the bank's district, 25 % its province, 20 % anywhere in the list. */
  static String birthplace(SplittableRandom random, String bankRegion) {
    double u = random.nextDouble();
    if (u < 0.55) {
      return bankRegion;
    }
    if (u < 0.80) {
      String province = bankRegion.substring(0, 2);
      for (int tries = 0; tries < 20; tries++) {
        String code = CODES[random.nextInt(CODES.length)];
        if (code.startsWith(province)) {
          return code;
        }
      }
      return bankRegion;
    }
    return CODES[random.nextInt(CODES.length)];
  }
}
