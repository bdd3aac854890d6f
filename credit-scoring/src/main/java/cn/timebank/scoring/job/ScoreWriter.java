package cn.timebank.scoring.job;

import cn.timebank.scoring.characteristic.ParticipantValues;
import cn.timebank.scoring.scorecard.ScoreResult;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ScoreStore;
import cn.timebank.standards.model.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Scores one chunk of participants, read with their characteristics' values, on one scorecard and
 * inserts the chunk's rows in one batch per table.
 */
final class ScoreWriter implements ItemWriter<ParticipantValues> {

  private final Scorecard card;
  private final Period period;
  private final ScoreStore store;

  ScoreWriter(Scorecard card, Period period, ScoreStore store) {
    this.card = card;
    this.period = period;
    this.store = store;
  }

  @Override
  public void write(Chunk<? extends ParticipantValues> chunk) {
    Map<ParticipantId, ScoreResult> scores = new LinkedHashMap<>();
    for (ParticipantValues p : chunk.getItems()) {
      scores.put(p.id(), card.score(p.values()));
    }
    store.insert(period, scores);
  }
}
