package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.util.List;
import java.util.Map;

/** One characteristic: its name, what it means, and its values for participants of one bank. */
public interface Characteristic {

  /** The name scorecards use, e.g. {@code credited_hours}. */
  String name();

  /** One sentence: what is counted, over which records. */
  String definition();

  /** Numbers (scored with ranges) or categories. */
  boolean numeric();

  /**
   * The value of every participant of {@code refs} (at most 500: one {@code IN} list) of {@code
   * bank}: one map entry per ref, in the order of {@code refs}.
   */
  Map<String, CharacteristicValue> values(ScoringContext context, String bank, List<String> refs);
}
