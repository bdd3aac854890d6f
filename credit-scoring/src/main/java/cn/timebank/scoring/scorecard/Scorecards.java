package cn.timebank.scoring.scorecard;

import cn.timebank.scoring.shared.VersionIndex;
import cn.timebank.standards.data.DataFileException;
import cn.timebank.standards.model.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every scorecard version, read from an index ({@code scorecards/index.yaml}) like the hour
 * standard's. For each subject the version in force on a period's last day scores that period. A
 * new version is a new file and one line in the index: no code changes.
 */
public final class Scorecards {

  public static final String BUILT_IN_INDEX = "scorecards/index.yaml";

  private final List<Scorecard> cards;

  private Scorecards(List<Scorecard> cards) {
    this.cards = cards;
  }

  public static Scorecards builtIn() {
    return BuiltIn.CARDS;
  }

  /** Reads the index at a class-path resource and every file it lists. */
  public static Scorecards load(String indexResource) {
    List<Scorecard> cards = VersionIndex.load(indexResource, ScorecardFile::read);
    Set<String> days = new HashSet<>();
    for (Scorecard card : cards) {
      if (!days.add(card.subject() + " " + card.effectiveFrom())) {
        throw new DataFileException(
            indexResource,
            "$.versions",
            "two " + card.subject() + " scorecards take effect on " + card.effectiveFrom());
      }
    }
    return new Scorecards(cards);
  }

  /** The {@code subject}'s scorecard in force on the last day of {@code period}. */
  public Scorecard inForce(Subject subject, Period period) {
    return VersionIndex.inForceOn(
        cards.stream().filter(c -> c.subject() == subject).toList(),
        period.lastDay(),
        subject + " scorecard");
  }

  /** The scorecards in force for {@code period}, providers first. */
  public List<Scorecard> inForce(Period period) {
    return List.of(inForce(Subject.PROVIDER, period), inForce(Subject.RECIPIENT, period));
  }

  public Optional<Scorecard> version(String version) {
    return cards.stream().filter(c -> c.version().equals(version)).findFirst();
  }

  public List<Scorecard> all() {
    return cards;
  }

  private static final class BuiltIn {
    static final Scorecards CARDS = load(BUILT_IN_INDEX);
  }
}
