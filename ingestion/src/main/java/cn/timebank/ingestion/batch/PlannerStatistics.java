package cn.timebank.ingestion.batch;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's planner statistics of the tables the apply step reads up to date while the
 * step fills them: {@code ANALYZE} before chunks 1, 2, 4, 8, … of an execution (so the statistics
 * are never more than about twice out of date, at a logarithmic cost). Without statistics (a fresh
 * schema, a server without autovacuum) PostgreSQL plans a chunk's {@code IN (…)} reads as a scan of
 * the whole bank's rows, and every chunk gets slower as the package goes on; and the reader's page
 * of staged rows (the stage step has just written them all) as a scan of the whole package.
 *
 * <p>And no parallel workers within a chunk's transaction ({@code max_parallel_workers_per_gather =
 * 0}, every chunk): the chunk's reads are index lookups of a few thousand keys, which PostgreSQL
 * costs high enough to plan with a {@code Gather} of two workers; starting them took longer than
 * the lookups (the person window: 55–75 ms per call with workers, 0.01–10 ms without, at 100,000
 * services). Only the chunk's transaction is affected: reports keep their parallel scans.
 *
 * <p>And a plan per execution ({@code plan_cache_mode = force_custom_plan}, every chunk): the
 * chunk's reads are prepared statements run thousands of times, and after five runs PostgreSQL may
 * switch one to a cached <em>generic</em> plan, costed without the values. Early in a large package
 * it chose for the credited rows by ref ({@code bank_code = ? and service_ref in (…)}), and for the
 * used refs, the postings and the balances by position, plans that read all of the bank's rows and
 * filtered them, until the next {@code ANALYZE}: at 1,000,000 services 30–700 ms a call instead of
 * about 1 ms, a fifth of the apply step. Planning a call costs well under a millisecond. Both
 * settings in one statement ({@code set_config(…, true)}: for the transaction only). Other
 * databases: no statement.
 */
final class PlannerStatistics {

  private static final String TABLES =
      "staged_records, participants, credited_services, used_refs, engine_postings,"
          + " ledger_entries, transfer_items";

  private final JdbcTemplate jdbc;
  private Boolean postgres;

  PlannerStatistics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Called in the chunk's transaction before chunk {@code number} (from 1) of the step's execution
   * is applied.
   */
  void beforeChunk(int number) {
    if (!postgres()) {
      return;
    }
    jdbc.queryForList(
        "select set_config('max_parallel_workers_per_gather', '0', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true)");
    if (Integer.bitCount(number) == 1) {
      jdbc.execute("analyze " + TABLES);
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres =
          Boolean.TRUE.equals(
              jdbc.execute(
                  (ConnectionCallback<Boolean>)
                      connection ->
                          "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }
    return postgres;
  }
}
