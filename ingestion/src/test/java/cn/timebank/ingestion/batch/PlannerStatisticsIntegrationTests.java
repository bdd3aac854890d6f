package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.support.TestDatabase;
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
  void aChunksTransactionPlansWithoutParallelWorkersAndNothingElseDoes() {
    PlannerStatistics statistics = new PlannerStatistics(jdbc);
    String before = workers();
    assertThat(before).isNotEqualTo("0"); // the server's default allows workers

    String inChunk =
        transaction.execute(
            status -> {
              statistics.beforeChunk(3);
              return workers();
            });

    assertThat(inChunk).isEqualTo("0");
    assertThat(workers()).as("after the chunk's commit").isEqualTo(before);
  }

  @Test
  void aChunksTransactionPlansEveryExecutionAndNothingElseDoes() {
    PlannerStatistics statistics = new PlannerStatistics(jdbc);
    String before = planCacheMode();
    assertThat(before).isEqualTo("auto"); // the server's default: generic plans after five runs

    String inChunk =
        transaction.execute(
            status -> {
              statistics.beforeChunk(5);
              return planCacheMode();
            });

    assertThat(inChunk).isEqualTo("force_custom_plan");
    assertThat(planCacheMode()).as("after the chunk's commit").isEqualTo(before);
  }

  @Test
  void aRolledBackChunkLeavesTheSettingsAsTheyWere() {
    PlannerStatistics statistics = new PlannerStatistics(jdbc);
    String workers = workers();
    String mode = planCacheMode();

    transaction.executeWithoutResult(
        status -> {
          statistics.beforeChunk(6);
          status.setRollbackOnly();
        });

    assertThat(workers()).isEqualTo(workers);
    assertThat(planCacheMode()).isEqualTo(mode);
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

  private String workers() {
    return jdbc.queryForObject("show max_parallel_workers_per_gather", String.class);
  }

  private String planCacheMode() {
    return jdbc.queryForObject("show plan_cache_mode", String.class);
  }

  private long analyzeCount() {
    return jdbc.queryForObject(
        "select analyze_count from pg_stat_user_tables where relname = 'participants'"
            + " and schemaname = current_schema()",
        Long.class);
  }
}
