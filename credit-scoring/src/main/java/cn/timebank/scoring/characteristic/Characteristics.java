package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CardCharacteristic;
import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.shared.ParticipantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every characteristic a scorecard may use, by name, and the values of a scorecard's ones. */
public final class Characteristics {

  private final Map<String, SqlCharacteristic> byName = new LinkedHashMap<>();
  private final JdbcClient jdbc;

  public Characteristics(JdbcClient jdbc) {
    this.jdbc = jdbc;
    for (SqlCharacteristic c :
        List.of(
            new CreditedHours(jdbc),
            new ActiveMonths(jdbc),
            new CompletionRate(jdbc),
            new BayesianRating(jdbc),
            new Certificates(jdbc),
            new AnomalyFindings(jdbc),
            RecipientStatusCount.noShows(jdbc),
            RecipientStatusCount.disputes(jdbc),
            RecipientStatusCount.cancellations(jdbc),
            new RedemptionBehaviour(jdbc))) {
      byName.put(c.name(), c);
    }
  }

  public List<Characteristic> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Characteristic> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Checks that every characteristic of {@code card} exists and takes the kind of bins the card
   * gives it (ranges for numbers, categories for categories).
   */
  public void check(Scorecard card) {
    for (CardCharacteristic used : card.characteristics()) {
      Characteristic defined =
          named(used.name())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          card.version()
                              + ": unknown characteristic '"
                              + used.name()
                              + "'; known: "
                              + byName.keySet()));
      if (defined.numeric() != used.numeric()) {
        throw new IllegalArgumentException(
            card.version()
                + ": characteristic "
                + used.name()
                + " takes "
                + (defined.numeric() ? "numeric ranges" : "categories")
                + " as bins");
      }
    }
  }

  /**
   * The values of {@code card}'s characteristics for participants (any banks, at most 500 per
   * bank): participant → characteristic name → value, participants in bank, ref order. One query
   * per source the card uses and bank.
   */
  public Map<ParticipantId, Map<String, CharacteristicValue>> values(
      Scorecard card, ScoringContext context, List<ParticipantId> participants) {
    CharacteristicQuery query = query(card);
    Map<String, List<String>> byBank = new TreeMap<>();
    for (ParticipantId id : participants) {
      byBank.computeIfAbsent(id.bank(), b -> new ArrayList<>()).add(id.ref());
    }
    Map<ParticipantId, Map<String, CharacteristicValue>> values = new TreeMap<>();
    for (Map.Entry<String, List<String>> bank : byBank.entrySet()) {
      query
          .values(jdbc, context, bank.getKey(), bank.getValue())
          .forEach((ref, v) -> values.put(new ParticipantId(bank.getKey(), ref), v));
    }
    return values;
  }

  /**
   * One statement for every participant {@code card} scores in the context's period (its subject's
   * role or {@code BOTH}, registered by the period's last day or without a date), with the values
   * of the card's characteristics, ordered by bank and ref: each source the card uses is grouped
   * once over the window (one pass over {@code services} per side) and joined to {@code
   * participants}. Values are those of {@link #values} for the same participants.
   */
  public PopulationQuery population(Scorecard card, ScoringContext context) {
    return query(card).population(context, card.subject());
  }

  private CharacteristicQuery query(Scorecard card) {
    check(card);
    return new CharacteristicQuery(card.characteristicNames().stream().map(byName::get).toList());
  }
}
