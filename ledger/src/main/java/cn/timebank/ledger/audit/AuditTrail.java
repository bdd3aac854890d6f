package cn.timebank.ledger.audit;

import cn.timebank.ledger.chain.ChainHash;
import cn.timebank.ledger.verify.ChainBreak.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail ({@code audit_events}): appends events to one hash chain, lists them, and
 * recomputes the chain. It only ever inserts: no method updates or deletes an event (the vendor
 * migrations add a trigger that refuses both; production should also {@code REVOKE UPDATE, DELETE
 * ON audit_events} from the application's database user).
 *
 * <p>An append locks the chain's head ({@code audit_chain_head}, one row), so concurrent appends
 * are serialised; it runs in the caller's transaction when there is one (a registry import and its
 * audit events commit together) and in its own otherwise.
 */
public final class AuditTrail {

  private static final String COLUMNS =
      "seq, recorded_at, actor, origin, action_name, target, bank_code, detail, prev_hash,"
          + " event_hash";
  private static final int FETCH_SIZE = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  public AuditTrail(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
    this.transactions = new TransactionTemplate(manager);
    this.readOnly = new TransactionTemplate(manager);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  /**
   * Records that {@code actor}, from {@code origin}, did {@code action} on {@code target} now. The
   * method the platform's doors call (uploads, reports, registry, users, tokens).
   */
  public StoredAuditEvent record(
      String actor,
      String origin,
      AuditAction action,
      String target,
      @Nullable String bankCode,
      String detail) {
    return append(new AuditEvent(actor, action, target, bankCode, origin, clock.instant(), detail));
  }

  /** Appends one event at the end of the chain. */
  public StoredAuditEvent append(AuditEvent event) {
    return Objects.requireNonNull(transactions.execute(status -> appendLocked(event)));
  }

  private StoredAuditEvent appendLocked(AuditEvent event) {
    Head head =
        jdbc.queryForObject(
            "select last_seq, last_hash from audit_chain_head where id = 1 for update",
            (rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")));
    long seq = Objects.requireNonNull(head).lastSeq() + 1;
    String hash = StoredAuditEvent.hash(seq, event, head.lastHash());
    jdbc.update(
        "insert into audit_events (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        seq,
        utc(event.at()),
        event.actor(),
        event.origin(),
        event.action().name(),
        event.target(),
        event.bankCode(),
        event.detail().isEmpty() ? null : event.detail(),
        head.lastHash(),
        hash);
    jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
    return new StoredAuditEvent(seq, event, head.lastHash(), hash);
  }

  /** The events recorded at or after {@code since}, of every bank or one, in chain order. */
  public List<StoredAuditEvent> since(Instant since, Optional<String> bankCode) {
    List<Object> args = new ArrayList<>();
    args.add(utc(since));
    String bankFilter = "";
    if (bankCode.isPresent()) {
      bankFilter = " and bank_code = ?";
      args.add(bankCode.get());
    }
    return jdbc.query(
        "select "
            + COLUMNS
            + " from audit_events where recorded_at >= ?"
            + bankFilter
            + " order by seq",
        AuditTrail::map,
        args.toArray());
  }

  /** One bank's events recorded in {@code [from, to)}, in chain order. */
  public List<StoredAuditEvent> ofBank(String bankCode, Instant from, Instant to) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from audit_events where bank_code = ? and recorded_at >= ? and recorded_at < ?"
            + " order by seq",
        AuditTrail::map,
        bankCode,
        utc(from),
        utc(to));
  }

  /**
   * Recomputes the whole chain in {@code seq} order, streaming: position, link and hash of each
   * event (the checks and their order are the ledger verifier's), then the head.
   */
  public AuditVerification verify() {
    return Objects.requireNonNull(readOnly.execute(status -> walk()));
  }

  private AuditVerification walk() {
    long expectedSeq = 1;
    String expectedPrev = ChainHash.GENESIS;
    try (Stream<StoredAuditEvent> rows =
        jdbc.queryForStream(
            "select " + COLUMNS + " from audit_events order by seq", AuditTrail::map)) {
      Iterator<StoredAuditEvent> it = rows.iterator();
      while (it.hasNext()) {
        StoredAuditEvent row = it.next();
        Optional<AuditVerification.Break> broken = check(row, expectedSeq, expectedPrev);
        if (broken.isPresent()) {
          return new AuditVerification(expectedSeq - 1, broken);
        }
        expectedSeq++;
        expectedPrev = row.eventHash();
      }
    }
    long checked = expectedSeq - 1;
    Head recorded =
        Objects.requireNonNull(
            jdbc.queryForObject(
                "select last_seq, last_hash from audit_chain_head where id = 1",
                (rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))));
    Head walked = new Head(checked, expectedPrev);
    if (walked.equals(recorded)) {
      return new AuditVerification(checked, Optional.empty());
    }
    return new AuditVerification(
        checked,
        Optional.of(
            new AuditVerification.Break(
                Math.min(checked, recorded.lastSeq()) + 1,
                Kind.HEAD,
                recorded.lastSeq() + " " + recorded.lastHash(),
                walked.lastSeq() + " " + walked.lastHash())));
  }

  private static Optional<AuditVerification.Break> check(
      StoredAuditEvent row, long expectedSeq, String expectedPrev) {
    if (row.seq() != expectedSeq) {
      return Optional.of(
          new AuditVerification.Break(
              row.seq(), Kind.SEQUENCE, Long.toString(expectedSeq), Long.toString(row.seq())));
    }
    if (!row.prevHash().equals(expectedPrev)) {
      return Optional.of(
          new AuditVerification.Break(row.seq(), Kind.LINK, expectedPrev, row.prevHash()));
    }
    String recomputed = row.recomputedHash();
    if (!recomputed.equals(row.eventHash())) {
      return Optional.of(
          new AuditVerification.Break(row.seq(), Kind.HASH, recomputed, row.eventHash()));
    }
    return Optional.empty();
  }

  private record Head(long lastSeq, String lastHash) {}

  private static StoredAuditEvent map(ResultSet rs, int rowNum) throws SQLException {
    LocalDateTime at = rs.getObject("recorded_at", LocalDateTime.class);
    String detail = rs.getString("detail");
    AuditEvent event =
        new AuditEvent(
            rs.getString("actor"),
            AuditAction.valueOf(rs.getString("action_name")),
            rs.getString("target"),
            rs.getString("bank_code"),
            rs.getString("origin"),
            at.toInstant(ZoneOffset.UTC),
            detail == null ? "" : detail);
    return new StoredAuditEvent(
        rs.getLong("seq"), event, rs.getString("prev_hash"), rs.getString("event_hash"));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
