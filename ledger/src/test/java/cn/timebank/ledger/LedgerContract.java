package cn.timebank.ledger;

import static cn.timebank.ledger.support.Postings.BANK_A;
import static cn.timebank.ledger.support.Postings.BANK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.timebank.ledger.balance.AccountBalance;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.balance.BankTotal;
import cn.timebank.ledger.entry.Account;
import cn.timebank.ledger.entry.EntryHash;
import cn.timebank.ledger.entry.LedgerEntry;
import cn.timebank.ledger.entry.LedgerEntryRows;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.ledger.entry.Posting;
import cn.timebank.ledger.entry.PostingResult;
import cn.timebank.ledger.entry.PostingResult.Outcome;
import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.ledger.support.Banks;
import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.Postings;
import cn.timebank.ledger.verify.ChainBreak;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's behaviour, the same on every database and write path: H2 ({@code H2LedgerTests}),
 * PostgreSQL with COPY and with JDBC batches ({@code PostgresCopyLedgerIntegrationTests}, {@code
 * PostgresBatchLedgerIntegrationTests}), Oracle ({@code OracleLedgerIntegrationTests}, with Docker
 * only). Each test gets a fresh database.
 */
public abstract class LedgerContract {

  /**
   * The hash of the first entry of {@link #firstIssuedService()}: a test vector for the documented
   * hash text (README), the same whichever database and path stored it. Checked outside Java with
   * {@code printf '%s' "v1|310109-001|1|1|1|PARTICIPANT|P001|90|SERVICE|S001|…" | sha256sum}.
   */
  static final String FIRST_ENTRY_HASH =
      "25c88e2079d3c4617ec67b0c3896ab98cd1d5902259adaa385cfab7393aea363";

  protected LedgerDatabase database;
  protected JdbcTemplate jdbc;
  protected LedgerWriter writer;
  protected Balances balances;
  protected LedgerVerifier verifier;
  protected TransactionTemplate tx;

  protected abstract LedgerDatabase openDatabase();

  protected abstract WritePath writePath();

  @BeforeEach
  void openLedger() {
    database = openDatabase();
    LedgerSchema.migrate(database.dataSource());
    jdbc = new JdbcTemplate(database.dataSource());
    Banks.register(jdbc, BANK_A, BANK_B);
    writer = new LedgerWriter(database.dataSource(), writePath(), 3, Clock.systemUTC());
    balances = new Balances(JdbcClient.create(database.dataSource()));
    verifier = new LedgerVerifier(database.dataSource());
    tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
  }

  @AfterEach
  void closeLedger() {
    database.close();
  }

  protected List<PostingResult> post(Posting... postings) {
    return Objects.requireNonNull(tx.execute(status -> writer.post(List.of(postings))));
  }

  static Posting firstIssuedService() {
    return Postings.issued(BANK_A, "S001", "P001", 90);
  }

  @Test
  void usesTheExpectedWritePath() {
    assertThat(writer.activePath()).isEqualTo(writePath());
  }

  @Test
  void anIssuedServiceCreditsTheProviderAndDebitsIssuance() {
    post(firstIssuedService());

    assertThat(balances.ofParticipant(BANK_A, "P001")).isEqualTo(StandardMinutes.of(90));
    assertThat(balances.of(BANK_A, Account.ISSUANCE)).isEqualTo(StandardMinutes.of(-90));
    assertThat(balances.ofBank(BANK_A))
        .containsExactly(
            new AccountBalance(Account.participant("P001"), StandardMinutes.of(90)),
            new AccountBalance(Account.ISSUANCE, StandardMinutes.of(-90)));
  }

  @Test
  void everyBanksEntriesSumToZero() {
    post(
        Postings.openingBalance(BANK_A, "T000", "P009", 600),
        Postings.issued(BANK_A, "S001", "P001", 90),
        Postings.issuedOverCap(BANK_A, "S002", "P002", 30, 60),
        Postings.redeemed(BANK_A, "S003", "P001", "P009", 120),
        Postings.donation(BANK_A, "T001", "P009", 45),
        Postings.fromPool(BANK_A, "S004", "P002", 75),
        Postings.gift(BANK_A, "T002", "P001", "P003", 30),
        Postings.transferOut(BANK_A, "T003", "P001", 60),
        Postings.transferIn(BANK_B, "T900", "Q001", 60));

    assertThat(balances.totals())
        .extracting(BankTotal::bankCode, BankTotal::balanced)
        .containsExactly(tuple(BANK_A, true), tuple(BANK_B, true));
    assertThat(balances.ofParticipant(BANK_A, "P001")).isEqualTo(StandardMinutes.of(120));
    assertThat(balances.of(BANK_A, Account.POOL)).isEqualTo(StandardMinutes.of(60 + 45 - 75));
    assertThat(balances.of(BANK_A, Account.CLEARING)).isEqualTo(StandardMinutes.of(60));
    assertThat(balances.of(BANK_B, Account.CLEARING)).isEqualTo(StandardMinutes.of(-60));
    assertThat(balances.clearingAcrossBanks()).isEqualTo(StandardMinutes.ZERO);
  }

  @Test
  void aReversalPostsTheOppositeOfWhatItNames() {
    Posting service = Postings.issued(BANK_A, "S001", "P001", 90);
    post(service);
    post(Postings.reversalOf(service, "T010"));

    assertThat(balances.ofParticipant(BANK_A, "P001")).isEqualTo(StandardMinutes.ZERO);
    assertThat(balances.of(BANK_A, Account.ISSUANCE)).isEqualTo(StandardMinutes.ZERO);
    assertThat(count()).isEqualTo(4);
  }

  @Test
  void liabilityIsTheSumOfPositiveParticipantBalances() {
    post(
        Postings.issued(BANK_A, "S001", "P001", 90),
        Postings.issued(BANK_A, "S002", "P002", 30),
        Postings.redeemed(BANK_A, "S003", "P001", "P003", 20),
        Postings.issued(BANK_B, "S001", "Q001", 500));

    // P001 110, P002 30, P003 -20: the negative balance is not a liability.
    assertThat(balances.liability(BANK_A)).isEqualTo(StandardMinutes.of(140));
    assertThat(balances.liability(BANK_B)).isEqualTo(StandardMinutes.of(500));
  }

  @Test
  void rePostingAnAppliedKeyChangesNothing() {
    PostingResult first = post(firstIssuedService()).get(0);
    // A restarted process (a new writer) posts the same key again.
    writer = new LedgerWriter(database.dataSource(), writePath(), 3, Clock.systemUTC());
    PostingResult again = post(firstIssuedService()).get(0);

    assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_APPLIED);
    assertThat(again.postingId()).isEqualTo(first.postingId());
    assertThat(count()).isEqualTo(2);
    assertThat(balances.ofParticipant(BANK_A, "P001")).isEqualTo(StandardMinutes.of(90));
    assertThat(verifier.verify(BANK_A).ok()).isTrue();
  }

  @Test
  void aKeyTwiceInOneCallIsAppliedOnce() {
    List<PostingResult> results =
        post(
            firstIssuedService(),
            Postings.issued(BANK_A, "S002", "P001", 30),
            firstIssuedService());

    assertThat(results)
        .extracting(PostingResult::outcome)
        .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED);
    assertThat(results.get(2)).isEqualTo(results.get(0));
    assertThat(count()).isEqualTo(4);
  }

  @Test
  void aRolledBackPostingLeavesNoTraceAndCanBePostedAgain() {
    tx.executeWithoutResult(
        status -> {
          writer.post(List.of(firstIssuedService()));
          status.setRollbackOnly(); // the crash before commit
        });
    assertThat(count()).isZero();

    assertThat(post(firstIssuedService()).get(0).outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(verifier.verify(BANK_A).ok()).isTrue();
  }

  @Test
  void refusesToPostOutsideATransaction() {
    assertThatThrownBy(() -> writer.post(List.of(firstIssuedService())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void storesTheDocumentedHashChain() {
    post(firstIssuedService(), Postings.issued(BANK_A, "S002", "P|2\\x\t中", 45));

    List<LedgerEntry> entries = entries(BANK_A);
    assertThat(entries).extracting(LedgerEntry::chainSeq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(entries).extracting(LedgerEntry::postingId).containsExactly(1L, 1L, 3L, 3L);
    assertThat(entries.get(0).prevHash()).isEqualTo(EntryHash.GENESIS);
    assertThat(entries.get(0).postedAt()).isEqualTo(Postings.AT.truncatedTo(ChronoUnit.MICROS));
    assertThat(entries.get(0).entryHash()).isEqualTo(FIRST_ENTRY_HASH);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).entryHash());
    }
    assertThat(entries).allSatisfy(e -> assertThat(e.entryHash()).isEqualTo(EntryHash.of(e)));
    assertThat(entries.get(2).participantRef()).isEqualTo("P|2\\x\t中");
  }

  @Test
  void anUntouchedChainVerifies() {
    post(firstIssuedService(), Postings.issued(BANK_B, "S001", "Q001", 30));
    post(Postings.gift(BANK_A, "T001", "P001", "P002", 30));

    assertThat(verifier.verifyAll())
        .extracting(
            ChainVerification::bankCode, ChainVerification::entriesChecked, ChainVerification::ok)
        .containsExactly(tuple(BANK_A, 4L, true), tuple(BANK_B, 2L, true));
  }

  @Test
  void theVerifierNamesTheEntryWhoseAmountWasAltered() {
    post(
        firstIssuedService(),
        Postings.issued(BANK_A, "S002", "P002", 45),
        Postings.issued(BANK_A, "S003", "P003", 60));
    LedgerEntry target = entries(BANK_A).get(3);
    long targetId =
        jdbc.queryForObject(
            "select id from ledger_entries where bank_code = ? and chain_seq = 4",
            Long.class,
            BANK_A);

    int changed =
        database.bypassingAppendOnlyGuard(
            "update ledger_entries set amount_minutes = 4500 where bank_code = ? and chain_seq = 4",
            BANK_A);

    assertThat(changed).isEqualTo(1);
    ChainVerification result = verifier.verify(BANK_A);
    assertThat(result.ok()).isFalse();
    ChainBreak broken = result.firstBreak().orElseThrow();
    assertThat(broken.bankCode()).isEqualTo(BANK_A);
    assertThat(broken.chainSeq()).isEqualTo(4);
    assertThat(broken.entryId()).hasValue(targetId);
    assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.HASH);
    assertThat(broken.stored()).isEqualTo(target.entryHash());
    assertThat(broken.expected()).isNotEqualTo(target.entryHash());
    assertThat(result.entriesChecked()).isEqualTo(3);
    assertThat(verifier.verify(BANK_B).ok()).isTrue();
  }

  @Test
  void theVerifierNoticesARemovedEntry() {
    post(firstIssuedService(), Postings.issued(BANK_A, "S002", "P002", 45));

    database.bypassingAppendOnlyGuard(
        "delete from ledger_entries where bank_code = ? and chain_seq = 2", BANK_A);

    ChainBreak broken = verifier.verify(BANK_A).firstBreak().orElseThrow();
    assertThat(broken.chainSeq()).isEqualTo(3);
    assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.SEQUENCE);
  }

  @Test
  void theVerifierNoticesAMissingTail() {
    post(firstIssuedService(), Postings.issued(BANK_A, "S002", "P002", 45));

    database.bypassingAppendOnlyGuard(
        "delete from ledger_entries where bank_code = ? and chain_seq > 2", BANK_A);

    ChainBreak broken = verifier.verify(BANK_A).firstBreak().orElseThrow();
    assertThat(broken.chainSeq()).isEqualTo(3);
    assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.HEAD);
    assertThat(broken.entryId()).isEmpty();
  }

  @Test
  void theDatabaseRefusesToUpdateAnEntry() {
    post(firstIssuedService());

    assertThatThrownBy(
            () ->
                jdbc.update("update ledger_entries set amount_minutes = 1000 where chain_seq = 1"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(balances.ofParticipant(BANK_A, "P001")).isEqualTo(StandardMinutes.of(90));
  }

  @Test
  void theDatabaseRefusesToDeleteAnEntry() {
    post(firstIssuedService());

    assertThatThrownBy(() -> jdbc.update("delete from ledger_entries"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void concurrentWritersKeepOneUnbrokenChainPerBank() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writerNo = w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    post(
                        Postings.issued(BANK_A, "S" + writerNo + "-" + i, "P" + writerNo, 15),
                        Postings.issued(BANK_B, "S" + writerNo + "-" + i, "Q" + writerNo, 30));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(verifier.verifyAll()).allSatisfy(v -> assertThat(v.ok()).isTrue());
    assertThat(verifier.verify(BANK_A).entriesChecked()).isEqualTo(60);
    assertThat(balances.liability(BANK_A)).isEqualTo(StandardMinutes.of(3 * 10 * 15));
  }

  protected long count() {
    Long n = jdbc.queryForObject("select count(*) from ledger_entries", Long.class);
    return n == null ? 0 : n;
  }

  protected List<LedgerEntry> entries(String bankCode) {
    return jdbc
        .query(
            "select "
                + LedgerEntryRows.COLUMNS
                + " from ledger_entries where bank_code = ?"
                + " order by chain_seq",
            LedgerEntryRows.MAPPER,
            bankCode)
        .stream()
        .map(LedgerEntryRows.StoredEntry::entry)
        .toList();
  }
}
