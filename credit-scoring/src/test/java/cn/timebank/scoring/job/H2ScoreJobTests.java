package cn.timebank.scoring.job;

import cn.timebank.scoring.support.H2ScoringDatabase;
import cn.timebank.scoring.support.ScoringDatabase;

/** The main scoring path on in-memory H2. */
class H2ScoreJobTests extends ScoreJobContract {

  @Override
  ScoringDatabase newDatabase() {
    return new H2ScoringDatabase();
  }

  @Override
  String batchSchema() {
    return "schema-h2.sql";
  }
}
