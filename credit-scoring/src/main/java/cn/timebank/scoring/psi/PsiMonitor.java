package cn.timebank.scoring.psi;

import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Computes and stores ({@code cs_psi}) the PSI of a scorecard version's scores between a period and
 * the one before: the counts per bank and bin come from SQL ({@code GROUP BY}); a bank (or the
 * whole) without scores in either period gets no row. Scores of another scorecard version are not
 * compared (a new version starts its own series).
 */
public final class PsiMonitor {

  static final String COUNTS =
      """
      select bank_code,
             case when score >= 840 then 9 when score < 300 then 0
                  else floor((score - 300) / 60) end as bin,
             count(*) as scores
      from cs_scores
      where score_period = :period and card_version = :card
      group by bank_code,
               case when score >= 840 then 9 when score < 300 then 0
                    else floor((score - 300) / 60) end
      """;

  private final JdbcClient jdbc;

  public PsiMonitor(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The PSI rows of a period for one scorecard version, overall first then by bank. */
  public List<PsiResult> compute(Period period, String cardVersion) {
    Period base = period.previous();
    Map<String, long[]> actual = counts(period, cardVersion);
    Map<String, long[]> expected = counts(base, cardVersion);
    List<PsiResult> results = new ArrayList<>();
    for (Map.Entry<String, long[]> bank : actual.entrySet()) {
      long[] e = expected.get(bank.getKey());
      if (e == null) {
        continue;
      }
      double psi = round(Psi.index(e, bank.getValue()));
      results.add(
          new PsiResult(
              period.toString(),
              cardVersion,
              bank.getKey(),
              base.toString(),
              Psi.sum(e),
              Psi.sum(bank.getValue()),
              psi,
              PsiBand.of(psi)));
    }
    return results;
  }

  /** Computes and replaces the period's rows for these scorecard versions (in a transaction). */
  public List<PsiResult> computeAndStore(Period period, List<String> cardVersions) {
    List<PsiResult> all = new ArrayList<>();
    for (String card : cardVersions) {
      jdbc.sql("delete from cs_psi where score_period = ? and card_version = ?")
          .params(period.toString(), card)
          .update();
      for (PsiResult r : compute(period, card)) {
        jdbc.sql(
                "insert into cs_psi (score_period, card_version, bank_code, base_period,"
                    + " base_count, actual_count, psi, band) values (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                r.period(),
                r.cardVersion(),
                r.bank(),
                r.basePeriod(),
                r.baseCount(),
                r.actualCount(),
                BigDecimal.valueOf(r.psi()),
                r.band().name())
            .update();
        all.add(r);
      }
    }
    return all;
  }

  /** The stored PSI rows of a period, by scorecard version and bank ({@code ALL} first). */
  public List<PsiResult> stored(Period period) {
    return jdbc.sql(
            "select score_period, card_version, bank_code, base_period, base_count, actual_count,"
                + " psi, band from cs_psi where score_period = ?"
                + " order by card_version, case when bank_code = 'ALL' then 0 else 1 end,"
                + " bank_code")
        .param(period.toString())
        .query(
            (rs, n) ->
                new PsiResult(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getBigDecimal(7).doubleValue(),
                    PsiBand.valueOf(rs.getString(8))))
        .list();
  }

  /** Bank → counts per bin, with the overall counts under {@link PsiResult#ALL} first. */
  private Map<String, long[]> counts(Period period, String cardVersion) {
    Map<String, long[]> byBank = new TreeMap<>();
    long[] all = new long[Psi.BINS];
    jdbc.sql(COUNTS)
        .param("period", period.toString())
        .param("card", cardVersion)
        .query(
            (rs, n) -> {
              int bin = rs.getInt("bin");
              long scores = rs.getLong("scores");
              byBank.computeIfAbsent(rs.getString("bank_code"), b -> new long[Psi.BINS])[bin] +=
                  scores;
              all[bin] += scores;
              return null;
            })
        .list();
    Map<String, long[]> ordered = new java.util.LinkedHashMap<>();
    if (Psi.sum(all) > 0) {
      ordered.put(PsiResult.ALL, all);
    }
    ordered.putAll(byBank);
    return ordered;
  }

  private static double round(double psi) {
    return BigDecimal.valueOf(psi).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }
}
