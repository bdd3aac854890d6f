package cn.timebank.scoring.psi;

/**
 * The stability of one scorecard version's scores, of one bank ({@link #ALL} for every bank), from
 * {@code basePeriod} to {@code period}.
 */
public record PsiResult(
    String period,
    String cardVersion,
    String bank,
    String basePeriod,
    long baseCount,
    long actualCount,
    double psi,
    PsiBand band) {

  public static final String ALL = "ALL";
}
