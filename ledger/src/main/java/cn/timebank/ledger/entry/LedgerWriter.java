package cn.timebank.ledger.entry;

import cn.timebank.ledger.entry.PostingResult.Outcome;
import cn.timebank.ledger.jdbc.PostgresCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only writer of {@code ledger_entries}. Appends postings to their banks' hash chains inside
 * the caller's transaction: it locks each bank's chain head (in bank-code order, so two writers
 * never deadlock), skips postings whose idempotency key is already in the ledger, numbers the new
 * lines {@code chain_seq} = last + 1, …, hashes each onto the one before ({@link EntryHash}),
 * appends them (JDBC batch, or COPY on PostgreSQL) and moves the head. Nothing is visible to others
 * until the caller commits; a rollback leaves the chain as it was.
 */
public final class LedgerWriter {

  private static final int KEYS_PER_QUERY = 500; // Oracle allows at most 1000 in an IN list

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final WritePath writePath;
  private final int batchSize;
  private final ChainHeads heads;
  private volatile EntrySink sink;

  public LedgerWriter(DataSource dataSource, WritePath writePath, int batchSize, Clock clock) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.writePath = writePath;
    this.batchSize = batchSize;
    this.heads = new ChainHeads(dataSource, jdbc, clock);
  }

  public LedgerWriter(DataSource dataSource) {
    this(dataSource, WritePath.AUTO, 1000, Clock.systemUTC());
  }

  /**
   * Applies the postings (in list order within each bank) and reports, in the same order, which
   * were applied and which were already in the ledger.
   *
   * @throws IllegalStateException outside a transaction, or when a key was used by another bank
   * @throws IllegalArgumentException when one key comes twice in the call with different content
   */
  public List<PostingResult> post(List<Posting> postings) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("LedgerWriter.post must run inside a transaction");
    }
    Map<String, List<Posting>> byBank = new TreeMap<>();
    Map<String, Posting> byKey = new HashMap<>();
    for (Posting posting : postings) {
      Posting earlier = byKey.putIfAbsent(posting.idempotencyKey(), posting);
      if (earlier != null && !earlier.equals(posting)) {
        throw new IllegalArgumentException(
            "idempotency key " + posting.idempotencyKey() + " used for two different postings");
      }
      if (earlier == null) {
        byBank.computeIfAbsent(posting.bankCode(), b -> new ArrayList<>()).add(posting);
      }
    }
    Map<String, PostingResult> results = new HashMap<>();
    for (Map.Entry<String, List<Posting>> bank : byBank.entrySet()) {
      appendToChain(bank.getKey(), bank.getValue(), results);
    }
    return postings.stream().map(p -> results.get(p.idempotencyKey())).toList();
  }

  private void appendToChain(
      String bankCode, List<Posting> postings, Map<String, PostingResult> results) {
    ChainHeads.Head head = heads.lock(bankCode);
    Map<String, PostingResult> existing = alreadyApplied(bankCode, postings);
    results.putAll(existing);
    long seq = head.lastSeq();
    String hash = head.lastHash();
    List<LedgerEntry> entries = new ArrayList<>();
    for (Posting posting : postings) {
      if (existing.containsKey(posting.idempotencyKey())) {
        continue;
      }
      long postingId = seq + 1;
      int lineNo = 0;
      for (Line line : posting.lines()) {
        LedgerEntry entry = entry(posting, line, ++seq, postingId, ++lineNo, hash).sealed();
        hash = entry.entryHash();
        entries.add(entry);
      }
      results.put(
          posting.idempotencyKey(),
          new PostingResult(bankCode, posting.idempotencyKey(), Outcome.APPLIED, postingId));
    }
    if (!entries.isEmpty()) {
      sink().append(entries);
      heads.advance(new ChainHeads.Head(bankCode, seq, hash));
    }
  }

  private static LedgerEntry entry(
      Posting posting, Line line, long chainSeq, long postingId, int lineNo, String prevHash) {
    return new LedgerEntry(
        posting.bankCode(),
        chainSeq,
        postingId,
        lineNo,
        line.accountKind().name(),
        line.participantRef(),
        line.amount().value(),
        posting.entryKind().name(),
        posting.sourceRef(),
        posting.sourceId(),
        posting.idempotencyKey(),
        posting.postedAt(),
        prevHash,
        "");
  }

  /** The postings whose key is in the ledger already, read after the head lock was taken. */
  private Map<String, PostingResult> alreadyApplied(String bankCode, List<Posting> postings) {
    Map<String, PostingResult> found = new LinkedHashMap<>();
    for (int from = 0; from < postings.size(); from += KEYS_PER_QUERY) {
      List<String> keys =
          postings.subList(from, Math.min(postings.size(), from + KEYS_PER_QUERY)).stream()
              .map(Posting::idempotencyKey)
              .toList();
      String marks = String.join(", ", keys.stream().map(k -> "?").toList());
      jdbc.query(
          "select bank_code, idempotency_key, posting_id from ledger_entries"
              + " where line_no = 1 and idempotency_key in ("
              + marks
              + ")",
          rs -> {
            String key = rs.getString("idempotency_key");
            if (!bankCode.equals(rs.getString("bank_code"))) {
              throw new IllegalStateException(
                  "idempotency key "
                      + key
                      + " is already used by bank "
                      + rs.getString("bank_code"));
            }
            found.put(
                key,
                new PostingResult(
                    bankCode, key, Outcome.ALREADY_APPLIED, rs.getLong("posting_id")));
          },
          keys.toArray());
    }
    return found;
  }

  private EntrySink sink() {
    EntrySink chosen = sink;
    if (chosen == null) {
      chosen = choose();
      sink = chosen;
    }
    return chosen;
  }

  private EntrySink choose() {
    return writePath.copies(new PostgresCheck(dataSource)::isPostgres)
        ? new PgCopyEntrySink(dataSource, jdbc.getExceptionTranslator())
        : new BatchEntrySink(jdbc, batchSize);
  }

  /** The path this writer uses: {@link WritePath#AUTO} resolved against the database. */
  public WritePath activePath() {
    return sink() instanceof PgCopyEntrySink ? WritePath.COPY : WritePath.BATCH;
  }
}
