package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordContext;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.state.BalanceCarry;
import cn.timebank.ingestion.state.ChunkLedgerState;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.ledger.store.CanonicalRecords.ServiceVersion;
import cn.timebank.ledger.store.CanonicalRecords.TransactionVersion;
import cn.timebank.ledger.store.Provenance;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.Service;
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
 * lowest-code rule), the effects applied to the state, the canonical record of an accepted service
 * or transaction, and the outcome on the staged row. The state is a {@link ChunkLedgerState}: what
 * the chunk reads is prefetched in a few queries, each record sees the effects of those before it,
 * and everything is written at the end of the chunk as batches (postings through the ledger
 * writer), all in the chunk's transaction, so a crash leaves a row either applied with everything
 * it changed, or not applied at all.
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
  private final PlannerStatistics statistics;
  private final BalanceCarry carry = new BalanceCarry();
  private int chunks;

  RecordApplier(
      PackageContext pkg,
      RecordEngine engine,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      ServiceFiguresOf figures,
      Outcomes outcomes,
      PlannerStatistics statistics,
      ApplyCheckpoint checkpoint) {
    this.pkg = pkg;
    this.context = pkg.recordContext();
    this.engine = engine;
    this.state = state.forSource(pkg.packageId());
    this.canonical = canonical;
    this.figures = figures;
    this.outcomes = outcomes;
    this.checkpoint = checkpoint;
    this.statistics = statistics;
  }

  @Override
  public void write(Chunk<? extends StagedRow> chunk) {
    List<? extends StagedRow> rows = chunk.getItems();
    List<Payload> payloads = rows.stream().map(row -> PayloadJson.read(row.payload())).toList();
    statistics.beforeChunk(chunks + 1);
    ChunkLedgerState chunkState = state.forChunk();
    chunkState.prefetch(reads(payloads), carry);
    List<ServiceVersion> services = new ArrayList<>();
    List<TransactionVersion> transactions = new ArrayList<>();
    List<Outcome> results = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      results.add(apply(rows.get(i), payloads.get(i), chunkState, services, transactions));
    }
    chunkState.flush();
    canonical.saveAllServices(services);
    canonical.saveAllTransactions(transactions);
    outcomes.recordAll(rows, results);
    int number = ++chunks;
    checkpoint.chunkWritten(pkg.packageId(), number);
    progressAfterCommit(number, chunk.size());
  }

  /** What the chunk's records will read, for one prefetch. */
  private ChunkLedgerState.Reads reads(List<Payload> payloads) {
    ChunkLedgerState.Reads reads = new ChunkLedgerState.Reads(context.bankCode());
    for (Payload payload : payloads) {
      if (payload.participant() != null) {
        reads.participant(
            payload.participant().participantRef(), payload.participant().personKey());
      } else if (payload.service() != null) {
        Service s = payload.service();
        reads.service(
            s.serviceRef(),
            s.providerRef(),
            s.recipientRef(),
            s.funding() == Funding.BALANCE,
            s.start(),
            s.end().orElse(null));
      } else if (payload.transaction() != null) {
        reads.transaction(payload.transaction().txnRef(), payload.transaction().participantRef());
      }
    }
    return reads;
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

  private Outcome apply(
      StagedRow row,
      Payload payload,
      ChunkLedgerState state,
      List<ServiceVersion> services,
      List<TransactionVersion> transactions) {
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
        services.add(
            new ServiceVersion(
                payload.service(),
                figures.of(payload.service(), pkg.bank(), accepted.effects(), state),
                provenance));
      } else if (payload.transaction() != null) {
        transactions.add(new TransactionVersion(payload.transaction(), provenance));
      }
    }
    return outcome;
  }

  private static FieldProblem repeated(StagedRow row) {
    String column =
        row.kind() == 'S' ? FileType.SERVICES.refColumn() : FileType.TRANSACTIONS.refColumn();
    return new FieldProblem(
        column, ResultCode.R113, row.ref() + " appears earlier in this package");
  }
}
