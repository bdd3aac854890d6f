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

/**
 * Step 3, corrections only (sequence ≥ 2): {@link RecordEngine#supersede} reverses the bank's
 * services and transactions of the period and frees their refs; their canonical versions are
 * retired. The run's {@code superseded_flag} is set in the same transaction, so a restart never
 * supersedes twice (the correction's own records, applied next, must not be superseded).
 */
class SupersedeTasklet implements Tasklet {

  private final PackageContext pkg;
  private final RecordEngine engine;
  private final JdbcLedgerState state;
  private final CanonicalRecords canonical;
  private final PackageStore packages;

  SupersedeTasklet(
      PackageContext pkg,
      RecordEngine engine,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      PackageStore packages) {
    this.pkg = pkg;
    this.engine = engine;
    this.state = state;
    this.canonical = canonical;
    this.packages = packages;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    boolean superseded = packages.run(pkg.packageId()).map(run -> run.superseded()).orElse(true);
    if (pkg.run().sequence() < 2 || superseded) {
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
}
