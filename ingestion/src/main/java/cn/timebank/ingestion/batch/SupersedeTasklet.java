package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.ledger.store.RecordKey;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 3, corrections only (sequence ≥ 2): {@link RecordEngine#supersede} reverses the bank's
 * services and transactions of the period and frees their refs; their canonical versions are
 * retired. The run's {@code superseded_flag} is set in the same transaction, so a restart never
 * supersedes twice (the correction's own records, applied next, must not be superseded).
 *
 * <p>A correction of which staging left no record that can be accepted (it has records, and every
 * one was refused by its reader, is a repeated ref or lies outside the period) will be RJCT: it
 * supersedes nothing, so the period's entries stand, as a rejected package leaves them (spec §5).
 */
class SupersedeTasklet implements Tasklet {

  private final PackageContext pkg;
  private final RecordEngine engine;
  private final JdbcLedgerState state;
  private final CanonicalRecords canonical;
  private final PackageStore packages;
  private final JdbcTemplate jdbc;

  SupersedeTasklet(
      PackageContext pkg,
      RecordEngine engine,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      PackageStore packages,
      JdbcTemplate jdbc) {
    this.pkg = pkg;
    this.engine = engine;
    this.state = state;
    this.canonical = canonical;
    this.packages = packages;
    this.jdbc = jdbc;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    boolean superseded = packages.run(pkg.packageId()).map(run -> run.superseded()).orElse(true);
    if (pkg.run().sequence() < 2 || superseded || everyRecordRefusedInStaging()) {
      return RepeatStatus.FINISHED;
    }
    Effects effects = engine.supersede(pkg.bank().bankCode(), pkg.period(), pkg.packageId(), state);
    state.apply(effects);
    effects
        .released()
        .forEach(
            id -> canonical.retire(new RecordKey(id.bank().value(), id.kind().name(), id.ref())));
    packages.markSuperseded(pkg.packageId());
    contribution.incrementWriteCount(effects.postings().size());
    return RepeatStatus.FINISHED;
  }

  /**
   * Whether no staged record can be accepted: each is unreadable (apply key {@code 2…}), a repeated
   * ref, or a service or transaction dated outside the package's period (R110; its apply key starts
   * with {@code 1} and its month, {@link ApplyKeys}). A participant ({@code 0…}) or a record of the
   * period may still be accepted.
   */
  private boolean everyRecordRefusedInStaging() {
    String ofPeriod =
        "1"
            + String.format(
                "%04d%02d", pkg.period().month().getYear(), pkg.period().month().getMonthValue())
            + "%";
    return Boolean.TRUE.equals(
        jdbc.query(
            "select count(*), sum(case when (apply_key like '0%' or apply_key like ?)"
                + " and repeated_flag = 'N' then 1 else 0 end) from staged_records"
                + " where package_id = ?",
            rs -> {
              rs.next();
              return rs.getLong(1) > 0 && rs.getLong(2) == 0;
            },
            ofPeriod,
            pkg.packageId()));
  }
}
