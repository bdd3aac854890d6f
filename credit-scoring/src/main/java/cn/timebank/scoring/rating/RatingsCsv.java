package cn.timebank.scoring.rating;

import java.util.List;

/**
 * Ratings as CSV (header row, CRLF): {@code bank,punctuality,completeness,accuracy,stability,
 * plausibility,total,grade}; figures with two decimals.
 */
public final class RatingsCsv {

  public static final String HEADER =
      "bank,punctuality,completeness,accuracy,stability,plausibility,total,grade";

  private RatingsCsv() {}

  public static String write(List<BankRating> ratings) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (BankRating r : ratings) {
      out.append(
              String.join(
                  ",",
                  r.bank(),
                  r.punctuality().toPlainString(),
                  r.completeness().toPlainString(),
                  r.accuracy().toPlainString(),
                  r.stability().toPlainString(),
                  r.plausibility().toPlainString(),
                  r.total().toPlainString(),
                  r.grade()))
          .append("\r\n");
    }
    return out.toString();
  }
}
