package cn.timebank.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.ledger.chain.ChainHash;
import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.verify.ChainBreak.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the audit trail promises, on each database. */
abstract class AuditTrailContract {

  private static final Instant T0 = Instant.parse("2026-11-02T02:00:00.123456789Z");

  protected LedgerDatabase database;
  private AuditTrail trail;
  private JdbcTemplate jdbc;

  protected abstract LedgerDatabase openDatabase();

  /** Runs {@code sql} on {@code audit_events} with its append-only trigger off. */
  protected abstract void tamper(String sql, Object... args);

  @BeforeEach
  void open() {
    database = openDatabase();
    LedgerSchema.migrate(database.dataSource());
    trail = new AuditTrail(database.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
    jdbc = new JdbcTemplate(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private StoredAuditEvent event(AuditAction action, String target, String bank, Instant at) {
    return trail.append(
        new AuditEvent("alice", action, target, bank, "http:10.0.0.7", at, "status ACPT"));
  }

  @Test
  void appendsEventsToOneChainThatVerifies() {
    StoredAuditEvent first = event(AuditAction.UPLOAD, "pkg-1", "310109-001", T0);
    StoredAuditEvent second =
        trail.record("bob", "cli:bob@host", AuditAction.REGISTRY_IMPORT, "430102-001", null, "");

    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.prevHash()).isEqualTo(ChainHash.GENESIS);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.prevHash()).isEqualTo(first.eventHash());
    assertThat(second.event().at()).isEqualTo(Instant.parse("2026-11-02T02:00:00.123456Z"));
    AuditVerification verification = trail.verify();
    assertThat(verification.ok()).isTrue();
    assertThat(verification.eventsChecked()).isEqualTo(2);
  }

  @Test
  void hashesTheDocumentedCanonicalText() {
    StoredAuditEvent stored =
        trail.append(
            new AuditEvent(
                "a|b", AuditAction.TOKEN_CREATE, "t\\1", null, "cli:a@h", T0, "line1\nline2"));

    String text =
        "a1|1|2026-11-02T02:00:00.123456Z|a\\|b|cli:a@h|TOKEN_CREATE|t\\\\1||line1 line2|"
            + ChainHash.GENESIS;
    assertThat(stored.eventHash()).isEqualTo(ChainHash.sha256Hex(text));
    assertThat(trail.since(T0.minusSeconds(1), Optional.empty())).singleElement().isEqualTo(stored);
  }

  @Test
  void listsEventsSinceATimeOfEveryBankOrOne() {
    event(AuditAction.UPLOAD, "old", "310109-001", T0.minusSeconds(3600));
    event(AuditAction.UPLOAD, "a", "310109-001", T0);
    event(AuditAction.REPORT_DOWNLOAD, "compliance", "430102-001", T0.plusSeconds(60));
    event(AuditAction.USER_ADD, "carol", null, T0.plusSeconds(120));

    assertThat(trail.since(T0.minusMillis(1), Optional.empty()))
        .extracting(e -> e.event().target())
        .containsExactly("a", "compliance", "carol");
    assertThat(trail.since(T0.minusMillis(1), Optional.of("430102-001")))
        .extracting(e -> e.event().target())
        .containsExactly("compliance");
    assertThat(trail.ofBank("310109-001", T0.minusSeconds(7200), T0.minusSeconds(1)))
        .extracting(e -> e.event().target())
        .containsExactly("old");
  }

  @Test
  void refusesUpdateAndDelete() {
    event(AuditAction.UPLOAD, "pkg-1", "310109-001", T0);

    assertThatThrownBy(() -> jdbc.update("update audit_events set actor = 'mallory'"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_events"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(trail.verify().ok()).isTrue();
  }

  @Test
  void namesTheAlteredEvent() {
    for (int i = 1; i <= 5; i++) {
      event(AuditAction.UPLOAD, "pkg-" + i, "310109-001", T0);
    }
    tamper("update audit_events set actor = 'mallory' where seq = 3");

    AuditVerification verification = trail.verify();

    assertThat(verification.ok()).isFalse();
    assertThat(verification.firstBreak().orElseThrow().seq()).isEqualTo(3);
    assertThat(verification.firstBreak().orElseThrow().kind()).isEqualTo(Kind.HASH);
  }

  @Test
  void namesARemovedEventAndMissingEventsAtTheEnd() {
    for (int i = 1; i <= 5; i++) {
      event(AuditAction.UPLOAD, "pkg-" + i, "310109-001", T0);
    }
    tamper("delete from audit_events where seq = 5");
    AuditVerification tail = trail.verify();
    assertThat(tail.firstBreak().orElseThrow().kind()).isEqualTo(Kind.HEAD);
    assertThat(tail.firstBreak().orElseThrow().seq()).isEqualTo(5);

    tamper("delete from audit_events where seq = 2");
    AuditVerification middle = trail.verify();
    assertThat(middle.firstBreak().orElseThrow().kind()).isEqualTo(Kind.SEQUENCE);
    assertThat(middle.firstBreak().orElseThrow().seq()).isEqualTo(3);
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    trail.record(
                        "t" + thread, "cli:t@h", AuditAction.UPLOAD, "p" + i, "310109-001", "");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    AuditVerification verification = trail.verify();
    assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
    assertThat(verification.eventsChecked()).isEqualTo(60);
  }
}
