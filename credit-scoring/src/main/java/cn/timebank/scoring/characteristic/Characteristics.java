package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CardCharacteristic;
import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.shared.ParticipantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every characteristic a scorecard may use, by name, and the values of a scorecard's ones. */
public final class Characteristics {

  private final Map<String, Characteristic> byName = new LinkedHashMap<>();

  public Characteristics(JdbcClient jdbc) {
    for (Characteristic c :
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
   * bank): participant → characteristic name → value, participants in order.
   */
  public Map<ParticipantId, Map<String, CharacteristicValue>> values(
      Scorecard card, ScoringContext context, List<ParticipantId> participants) {
    check(card);
    Map<String, List<String>> byBank = new TreeMap<>();
    for (ParticipantId id : participants) {
      byBank.computeIfAbsent(id.bank(), b -> new java.util.ArrayList<>()).add(id.ref());
    }
    Map<ParticipantId, Map<String, CharacteristicValue>> values = new TreeMap<>();
    for (Map.Entry<String, List<String>> bank : byBank.entrySet()) {
      for (String name : card.characteristicNames()) {
        Map<String, CharacteristicValue> one =
            byName.get(name).values(context, bank.getKey(), bank.getValue());
        one.forEach(
            (ref, value) ->
                values
                    .computeIfAbsent(
                        new ParticipantId(bank.getKey(), ref), k -> new LinkedHashMap<>())
                    .put(name, value));
      }
    }
    return values;
  }
}
