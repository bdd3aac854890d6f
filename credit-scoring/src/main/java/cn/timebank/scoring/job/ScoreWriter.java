package cn.timebank.scoring.job;

import cn.timebank.scoring.characteristic.Characteristics;
import cn.timebank.scoring.characteristic.ScoringContext;
import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.ScoreResult;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ScoreStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Scores one chunk of participants on one scorecard: each characteristic is one grouped query per
 * bank of the chunk, then the scorecard adds the partial scores and the chunk's rows are inserted
 * in one batch per table.
 */
final class ScoreWriter implements ItemWriter<ParticipantId> {

  private final Scorecard card;
  private final ScoringContext context;
  private final Characteristics characteristics;
  private final ScoreStore store;

  ScoreWriter(
      Scorecard card, ScoringContext context, Characteristics characteristics, ScoreStore store) {
    this.card = card;
    this.context = context;
    this.characteristics = characteristics;
    this.store = store;
  }

  @Override
  public void write(Chunk<? extends ParticipantId> chunk) {
    List<ParticipantId> participants = new ArrayList<>(chunk.getItems());
    Map<ParticipantId, Map<String, CharacteristicValue>> values =
        characteristics.values(card, context, participants);
    Map<ParticipantId, ScoreResult> scores = new LinkedHashMap<>();
    values.forEach((id, v) -> scores.put(id, card.score(v)));
    store.insert(context.period(), scores);
  }
}
