package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.shared.ParticipantId;
import java.util.Map;
import java.util.Objects;

/** A participant and the values of a scorecard's characteristics (name → value, card order). */
public record ParticipantValues(ParticipantId id, Map<String, CharacteristicValue> values) {

  public ParticipantValues {
    Objects.requireNonNull(id, "id");
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }
}
