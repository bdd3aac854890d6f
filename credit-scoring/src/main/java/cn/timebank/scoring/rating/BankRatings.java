package cn.timebank.scoring.rating;

import cn.timebank.standards.model.Period;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bank compliance ratings: computed for a period from its packages and findings, stored per period
 * and rules version, read back for the {@code ratings} command, reports and {@code GET
 * /api/v1/banks/{bank}/rating?period=}.
 */
public final class BankRatings {

  private final RatingRulesFile rules;
  private final RatingInputsQuery inputs;
  private final RatingStore store;

  public BankRatings(JdbcClient jdbc, RatingRulesFile rules) {
    this.rules = rules;
    this.inputs = new RatingInputsQuery(jdbc);
    this.store = new RatingStore(jdbc);
  }

  /** Every bank's rating for the period; {@code findingRulesVersion} selects the findings. */
  public List<BankRating> rate(Period period, String findingRulesVersion) {
    RatingRules inForce = rules.inForce(period);
    return inputs.inputs(period, inForce, findingRulesVersion).stream()
        .map(in -> RatingFormula.rate(period.toString(), inForce, in))
        .toList();
  }

  /** Rates and replaces the period's stored ratings (call inside a transaction). */
  public List<BankRating> rateAndStore(Period period, String findingRulesVersion) {
    List<BankRating> ratings = rate(period, findingRulesVersion);
    store.replace(period.toString(), rules.inForce(period).version(), ratings);
    return ratings;
  }

  /** The stored ratings of a period, by bank code. */
  public List<BankRating> stored(Period period) {
    return store.list(period.toString(), rules.inForce(period).version());
  }

  /** One bank's stored rating for a period. */
  public Optional<BankRating> of(String bank, Period period) {
    return store.of(period.toString(), rules.inForce(period).version(), bank);
  }
}
