package cn.timebank.ledger.verify;

import cn.timebank.ledger.entry.EntryHash;
import cn.timebank.ledger.entry.LedgerEntry;
import cn.timebank.ledger.entry.LedgerEntryRows;
import cn.timebank.ledger.entry.LedgerEntryRows.StoredEntry;
import cn.timebank.ledger.verify.ChainBreak.Kind;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a bank's hash chain from its stored entries, in {@code chain_seq} order, and names the
 * first entry that does not match. Streams the rows (a cursor with a fetch size, inside a read-only
 * transaction, which PostgreSQL needs to stream), so memory stays constant however long the chain.
 *
 * <p>For each entry it checks, in this order: the position ({@code chain_seq} = previous + 1, from
 * 1: {@link Kind#SEQUENCE}), the link ({@code prev_hash} = the stored {@code entry_hash} of the
 * previous entry, 64 zeros for the first: {@link Kind#LINK}), and the hash (its fields hash to its
 * {@code entry_hash}: {@link Kind#HASH}). Finally the chain must end where {@code chain_heads} says
 * ({@link Kind#HEAD}). An entry altered in place breaks its own HASH; an altered entry whose hash
 * was recomputed breaks the LINK of the entry after it.
 */
public final class LedgerVerifier {

  private static final int FETCH_SIZE = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  public LedgerVerifier(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.readOnly.setReadOnly(true);
  }

  /** Verifies every registered bank's chain, by bank code. */
  public List<ChainVerification> verifyAll() {
    return jdbc
        .queryForList("select bank_code from banks order by bank_code", String.class)
        .stream()
        .map(this::verify)
        .toList();
  }

  /** Verifies one bank's chain. */
  public ChainVerification verify(String bankCode) {
    ChainVerification result = readOnly.execute(status -> walk(bankCode));
    return Objects.requireNonNull(result);
  }

  private ChainVerification walk(String bankCode) {
    long expectedSeq = 1;
    String expectedPrev = EntryHash.GENESIS;
    try (Stream<StoredEntry> rows =
        jdbc.queryForStream(
            "select "
                + LedgerEntryRows.COLUMNS
                + " from ledger_entries where bank_code = ? order by chain_seq",
            LedgerEntryRows.MAPPER,
            bankCode)) {
      Iterator<StoredEntry> it = rows.iterator();
      while (it.hasNext()) {
        StoredEntry row = it.next();
        Optional<ChainBreak> broken = check(row, expectedSeq, expectedPrev);
        if (broken.isPresent()) {
          return new ChainVerification(bankCode, expectedSeq - 1, broken);
        }
        expectedSeq++;
        expectedPrev = row.entry().entryHash();
      }
    }
    long checked = expectedSeq - 1;
    return new ChainVerification(bankCode, checked, checkHead(bankCode, checked, expectedPrev));
  }

  private static Optional<ChainBreak> check(
      StoredEntry row, long expectedSeq, String expectedPrev) {
    LedgerEntry entry = row.entry();
    OptionalLong id = OptionalLong.of(row.id());
    if (entry.chainSeq() != expectedSeq) {
      return Optional.of(
          new ChainBreak(
              entry.bankCode(),
              entry.chainSeq(),
              id,
              Kind.SEQUENCE,
              Long.toString(expectedSeq),
              Long.toString(entry.chainSeq())));
    }
    if (!entry.prevHash().equals(expectedPrev)) {
      return Optional.of(
          new ChainBreak(
              entry.bankCode(), entry.chainSeq(), id, Kind.LINK, expectedPrev, entry.prevHash()));
    }
    String recomputed = EntryHash.of(entry);
    if (!recomputed.equals(entry.entryHash())) {
      return Optional.of(
          new ChainBreak(
              entry.bankCode(), entry.chainSeq(), id, Kind.HASH, recomputed, entry.entryHash()));
    }
    return Optional.empty();
  }

  private record Head(long lastSeq, String lastHash) {}

  private Optional<ChainBreak> checkHead(String bankCode, long lastSeq, String lastHash) {
    Head recorded =
        jdbc
            .query(
                "select last_seq, last_hash from chain_heads where bank_code = ?",
                (rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")),
                bankCode)
            .stream()
            .findFirst()
            .orElse(new Head(0, EntryHash.GENESIS));
    Head walked = new Head(lastSeq, lastHash);
    if (walked.equals(recorded)) {
      return Optional.empty();
    }
    return Optional.of(
        new ChainBreak(
            bankCode,
            Math.min(lastSeq, recorded.lastSeq()) + 1,
            OptionalLong.empty(),
            Kind.HEAD,
            recorded.lastSeq() + " " + recorded.lastHash(),
            walked.lastSeq() + " " + walked.lastHash()));
  }
}
