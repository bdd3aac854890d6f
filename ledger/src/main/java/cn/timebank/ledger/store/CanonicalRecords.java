package cn.timebank.ledger.store;

import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The canonical services and transactions ({@code services}, {@code transactions}): every accepted
 * version of a record, whatever its status (credit scoring reads the cancelled and disputed ones
 * too). A correction retires the versions it supersedes ({@code current_flag = 'N'}); nothing is
 * deleted.
 */
public final class CanonicalRecords {

  private final JdbcClient jdbc;

  public CanonicalRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void saveService(Service s, ServiceFigures f, Provenance p) {
    jdbc.sql(
            "insert into services (bank_code, service_ref, source_id, current_flag, provider_ref,"
                + " provider_key, recipient_ref, local_category, unified_category, start_at,"
                + " end_at, local_amount, funding, status, verification, rating,"
                + " location_region, recorded_at, standard_version, time_band, actual_minutes,"
                + " billable_minutes, weighted_minutes, credited_minutes, result_codes,"
                + " file_name, line_no, received_at) values (?, ?, ?, 'Y', ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            s.bankCode().value(),
            s.serviceRef(),
            p.sourceId(),
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
            p.receivedAt().atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update();
  }

  public void saveTransaction(Transaction t, Provenance p) {
    jdbc.sql(
            "insert into transactions (bank_code, txn_ref, source_id, current_flag, txn_type,"
                + " participant_ref, counterparty_ref, counterparty_bank, standard_minutes,"
                + " occurred_at, reverses_ref, note, result_codes, file_name, line_no,"
                + " received_at) values (?, ?, ?, 'Y', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            t.bankCode().value(),
            t.txnRef(),
            p.sourceId(),
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
            p.receivedAt().atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update();
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
