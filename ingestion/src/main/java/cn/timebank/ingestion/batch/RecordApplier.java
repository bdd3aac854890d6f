package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordContext;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.ledger.store.Provenance;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.FileType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Step 4's writer: applies a chunk of staged rows, one after the other in application order,
 * through the record engine. For each: the outcome (R113 and the reader's problems take part in the
 * lowest-code rule), the effects applied to the state (postings through the ledger writer), the
 * canonical record of an accepted service or transaction, and the outcome on the staged row: all in
 * the chunk's transaction, so a crash leaves a row either applied with everything it changed, or
 * not applied at all.
 */
class RecordApplier implements ItemWriter<StagedRow> {

  private static final Logger log = LoggerFactory.getLogger(RecordApplier.class);

  private final PackageContext pkg;
  private final RecordContext context;
  private final RecordEngine engine;
  private final JdbcLedgerState state;
  private final CanonicalRecords canonical;
  private final ServiceFiguresOf figures;
  private final Outcomes outcomes;
  private final ApplyCheckpoint checkpoint;
  private int chunks;

  RecordApplier(
      PackageContext pkg,
      RecordEngine engine,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      ServiceFiguresOf figures,
      Outcomes outcomes,
      ApplyCheckpoint checkpoint) {
    this.pkg = pkg;
    this.context = pkg.recordContext();
    this.engine = engine;
    this.state = state.forSource(pkg.packageId());
    this.canonical = canonical;
    this.figures = figures;
    this.outcomes = outcomes;
    this.checkpoint = checkpoint;
  }

  @Override
  public void write(Chunk<? extends StagedRow> chunk) {
    for (StagedRow row : chunk) {
      apply(row);
    }
    int number = ++chunks;
    checkpoint.chunkWritten(pkg.packageId(), number);
    progressAfterCommit(number, chunk.size());
  }

  /** One progress line per committed chunk (operators follow a long package in the log). */
  private void progressAfterCommit(int number, int records) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            log.info(
                "package {}: apply chunk {} committed ({} records)",
                pkg.packageId(),
                number,
                records);
          }
        });
  }

  private void apply(StagedRow row) {
    Payload payload = PayloadJson.read(row.payload());
    List<FieldProblem> batch = row.repeated() ? List.of(repeated(row)) : List.of();
    Outcome outcome;
    if (!payload.problems().isEmpty()) {
      List<FieldProblem> all = new ArrayList<>(payload.problems());
      all.addAll(batch);
      FieldProblem lowest = all.stream().min(Comparator.comparing(p -> p.code().name())).get();
      outcome = new Outcome.Rejected(lowest.code(), lowest.field(), lowest.detail());
    } else if (payload.participant() != null) {
      outcome = engine.participant(payload.participant(), batch, context, state);
    } else if (payload.service() != null) {
      outcome = engine.service(payload.service(), batch, context, state);
    } else {
      outcome = engine.transaction(payload.transaction(), batch, context, state);
    }
    if (outcome instanceof Outcome.Accepted accepted) {
      state.apply(accepted.effects());
      Provenance provenance =
          new Provenance(
              pkg.packageId(),
              row.fileName(),
              row.lineNo(),
              accepted.warnings().isEmpty()
                  ? null
                  : accepted.warnings().stream()
                      .map(ResultCode::name)
                      .collect(Collectors.joining(",")),
              pkg.run().receivedAt());
      if (payload.service() != null) {
        canonical.saveService(
            payload.service(),
            figures.of(payload.service(), pkg.bank(), accepted.effects(), state),
            provenance);
      } else if (payload.transaction() != null) {
        canonical.saveTransaction(payload.transaction(), provenance);
      }
    }
    outcomes.record(row, outcome);
  }

  private static FieldProblem repeated(StagedRow row) {
    String column =
        row.kind() == 'S' ? FileType.SERVICES.refColumn() : FileType.TRANSACTIONS.refColumn();
    return new FieldProblem(
        column, ResultCode.R113, row.ref() + " appears earlier in this package");
  }
}
