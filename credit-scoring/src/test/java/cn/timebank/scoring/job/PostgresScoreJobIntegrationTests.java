package cn.timebank.scoring.job;

import cn.timebank.scoring.support.PostgresScoringSchema;
import cn.timebank.scoring.support.ScoringDatabase;

/** The main scoring path on the real PostgreSQL, in a fresh schema dropped afterwards. */
class PostgresScoreJobIntegrationTests extends ScoreJobContract {

  @Override
  ScoringDatabase newDatabase() {
    return new PostgresScoringSchema();
  }

  @Override
  String batchSchema() {
    return "schema-postgresql.sql";
  }
}
