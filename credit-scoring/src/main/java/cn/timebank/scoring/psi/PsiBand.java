package cn.timebank.scoring.psi;

/** How far a score distribution moved: below 0.1, 0.1 to 0.25, above 0.25. */
public enum PsiBand {
  STABLE,
  INVESTIGATE,
  SHIFTED;

  public static PsiBand of(double psi) {
    if (psi < 0.1) {
      return STABLE;
    }
    return psi <= 0.25 ? INVESTIGATE : SHIFTED;
  }
}
