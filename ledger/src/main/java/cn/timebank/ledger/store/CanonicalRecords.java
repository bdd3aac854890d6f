package cn.timebank.ledger.store;

import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The canonical services and transactions ({@code services}, {@code transactions}): every accepted
 * version of a record, whatever its status (credit scoring reads the cancelled and disputed ones
 * too). A correction retires the versions it supersedes ({@code current_flag = 'N'}); nothing is
 * deleted.
 */
public final class CanonicalRecords {

  private static final String SERVICE_COLUMNS =
      "bank_code, service_ref, source_id, current_flag, provider_ref, provider_key,"
          + " recipient_ref, local_category, unified_category, start_at, end_at, local_amount,"
          + " funding, status, verification, rating, location_region, recorded_at,"
          + " standard_version, time_band, actual_minutes, billable_minutes, weighted_minutes,"
          + " credited_minutes, result_codes, file_name, line_no, received_at";
  private static final String TRANSACTION_COLUMNS =
      "bank_code, txn_ref, source_id, current_flag, txn_type, participant_ref,"
          + " counterparty_ref, counterparty_bank, standard_minutes, occurred_at, reverses_ref,"
          + " note, result_codes, file_name, line_no, received_at";

  /** An accepted version of a service, to be stored. */
  public record ServiceVersion(Service service, ServiceFigures figures, Provenance provenance) {}

  /** An accepted version of a transaction, to be stored. */
  public record TransactionVersion(Transaction transaction, Provenance provenance) {}

  private final JdbcClient jdbc;
  private final Inserts services;
  private final Inserts transactions;

  public CanonicalRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.services = new Inserts(jdbc, null, "services", SERVICE_COLUMNS);
    this.transactions = new Inserts(jdbc, null, "transactions", TRANSACTION_COLUMNS);
  }

  /** A store whose {@code saveAll…} methods write JDBC batches. */
  public CanonicalRecords(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.services = new Inserts(jdbc, template, "services", SERVICE_COLUMNS);
    this.transactions = new Inserts(jdbc, template, "transactions", TRANSACTION_COLUMNS);
  }

  public void saveService(Service s, ServiceFigures f, Provenance p) {
    jdbc.sql(services.insert()).params(values(s, f, p)).update();
  }

  public void saveTransaction(Transaction t, Provenance p) {
    jdbc.sql(transactions.insert()).params(values(t, p)).update();
  }

  /** {@link #saveService} for each, in one batch. */
  public void saveAllServices(List<ServiceVersion> versions) {
    services.all(
        versions.stream().map(v -> values(v.service(), v.figures(), v.provenance())).toList());
  }

  /** {@link #saveTransaction} for each, in one batch. */
  public void saveAllTransactions(List<TransactionVersion> versions) {
    transactions.all(versions.stream().map(v -> values(v.transaction(), v.provenance())).toList());
  }

  private static Object[] values(Service s, ServiceFigures f, Provenance p) {
    return new Object[] {
      s.bankCode().value(),
      s.serviceRef(),
      p.sourceId(),
      "Y",
      s.providerRef(),
      f.providerKey(),
      s.recipientRef(),
      s.localCategory(),
      f.unifiedCategory(),
      s.start(),
      s.end().orElse(null),
      s.localAmount().orElse(null),
      s.funding().name(),
      s.status().name(),
      s.verification().name(),
      s.rating().orElse(null),
      s.locationRegion().orElse(null),
      s.recordedAt().orElse(null),
      f.standardVersion(),
      f.timeBand(),
      f.actualMinutes(),
      f.billableMinutes(),
      f.weightedMinutes(),
      f.creditedMinutes(),
      p.resultCodes(),
      p.fileName(),
      p.lineNo(),
      p.receivedAt().atOffset(ZoneOffset.UTC).toLocalDateTime()
    };
  }

  private static Object[] values(Transaction t, Provenance p) {
    return new Object[] {
      t.bankCode().value(),
      t.txnRef(),
      p.sourceId(),
      "Y",
      t.type().name(),
      t.participantRef(),
      t.counterpartyRef().orElse(null),
      t.counterpartyBank().map(b -> b.value()).orElse(null),
      t.standardMinutes().value(),
      t.occurredAt(),
      t.reversesRef().orElse(null),
      t.note().orElse(null),
      p.resultCodes(),
      p.fileName(),
      p.lineNo(),
      p.receivedAt().atOffset(ZoneOffset.UTC).toLocalDateTime()
    };
  }

  /** Retires the current version of a record (kind {@code SERVICE} or {@code TRANSACTION}). */
  public void retire(RecordKey record) {
    boolean service = record.kind().equals("SERVICE");
    jdbc.sql(
            service
                ? "update services set current_flag = 'N'"
                    + " where bank_code = ? and service_ref = ? and current_flag = 'Y'"
                : "update transactions set current_flag = 'N'"
                    + " where bank_code = ? and txn_ref = ? and current_flag = 'Y'")
        .params(record.bank(), record.ref())
        .update();
  }
}
