package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The apply step's planner settings on PostgreSQL: no parallel workers and a plan per execution
 * inside a chunk's transaction, and only there; statistics on chunks 1, 2, 4, 8, ….
 */
class PlannerStatisticsIntegrationTests {

  private TestDatabase database;
  private JdbcTemplate jdbc;
  private TransactionTemplate transaction;

  @BeforeEach
  void setUp() {
    database = TestDatabase.postgres().migrated();
    jdbc = new JdbcTemplate(database.dataSource());
    transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  @Test
  void aChunksTransactionPlansEachReadAloneWithoutWorkersAndNothingElseDoes() {
    PlannerStatistics statistics = new PlannerStatistics(jdbc);
    List<String> before = settings();
    // the server's defaults: parallel workers, and generic plans after five runs
    assertThat(before.get(0)).isNotEqualTo("0");
    assertThat(before.get(1)).isEqualTo("auto");

    List<String> inChunk =
        transaction.execute(
            status -> {
              statistics.beforeChunk(3);
              return settings();
            });

    assertThat(inChunk).containsExactly("0", "force_custom_plan");
    assertThat(settings()).as("after the chunk's commit").isEqualTo(before);
  }

  @Test
  void aRolledBackChunkLeavesTheSettingsAsTheyWere() {
    PlannerStatistics statistics = new PlannerStatistics(jdbc);
    List<String> before = settings();

    transaction.executeWithoutResult(
        status -> {
          statistics.beforeChunk(6);
          status.setRollbackOnly();
        });

    assertThat(settings()).isEqualTo(before);
  }

  @Test
  void statisticsAreTakenOnChunksOneTwoFourEight() {
    PlannerStatistics statistics = new PlannerStatistics(jdbc);
    for (int chunk = 1; chunk <= 9; chunk++) {
      int number = chunk;
      transaction.executeWithoutResult(status -> statistics.beforeChunk(number));
      assertThat(analyzeCount())
          .as("ANALYZE runs of participants after chunk %d", chunk)
          .isEqualTo(Integer.toBinaryString(chunk).length()); // 1, 2, 2, 3, 3, 3, 3, 4, 4
    }
  }

  /** max_parallel_workers_per_gather and plan_cache_mode, as the session has them now. */
  private List<String> settings() {
    return List.of(
        jdbc.queryForObject("show max_parallel_workers_per_gather", String.class),
        jdbc.queryForObject("show plan_cache_mode", String.class));
  }

  private long analyzeCount() {
    return jdbc.queryForObject(
        "select analyze_count from pg_stat_user_tables where relname = 'participants'"
            + " and schemaname = current_schema()",
        Long.class);
  }
}
