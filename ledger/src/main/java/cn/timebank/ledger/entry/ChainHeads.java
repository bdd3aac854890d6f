package cn.timebank.ledger.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The {@code chain_heads} table: where each bank's chain ends. Locking a bank's head row ({@code
 * select ... for update}) serialises appends to that bank's chain until the transaction ends.
 */
final class ChainHeads {

  record Head(String bankCode, long lastSeq, String lastHash) {}

  private static final String LOCK =
      "select last_seq, last_hash from chain_heads where bank_code = ? for update";

  private static final String CREATE =
      "insert into chain_heads (bank_code, last_seq, last_hash, updated_at) values (?, 0, ?, ?)";

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ChainHeads(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Locks the bank's head in the caller's transaction. A bank without a head yet gets its genesis
   * head (0, 64 zeros) first, inserted in the caller's transaction under a savepoint: when two
   * first postings race, the second insert waits for the first transaction and, on its duplicate
   * key, rolls back to the savepoint and locks the row the first one created. (An earlier version
   * committed the genesis on a second pooled connection, which could exhaust the pool when every
   * connection was held by a waiting writer.) This relies on READ COMMITTED, the default isolation
   * of H2, PostgreSQL and Oracle.
   */
  Head lock(String bankCode) {
    List<Head> heads = select(bankCode);
    if (heads.isEmpty()) {
      createGenesis(bankCode);
      heads = select(bankCode);
    }
    if (heads.isEmpty()) {
      throw new IllegalStateException(
          "no chain head for bank " + bankCode + ": is it registered in banks?");
    }
    return heads.get(0);
  }

  void advance(Head head) {
    jdbc.update(
        "update chain_heads set last_seq = ?, last_hash = ?, updated_at = ? where bank_code = ?",
        head.lastSeq(),
        head.lastHash(),
        now(),
        head.bankCode());
  }

  private List<Head> select(String bankCode) {
    return jdbc.query(
        LOCK,
        (rs, n) -> new Head(bankCode, rs.getLong("last_seq"), rs.getString("last_hash")),
        bankCode);
  }

  private void createGenesis(String bankCode) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      Savepoint savepoint = connection.setSavepoint();
      try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
        insert.setString(1, bankCode);
        insert.setString(2, EntryHash.GENESIS);
        insert.setObject(3, now());
        insert.executeUpdate();
      } catch (SQLException e) {
        connection.rollback(savepoint);
        if (!isIntegrityViolation(e)) {
          throw e;
        }
        // Another writer created it first (or the bank is not registered: the lock finds no row).
        return;
      }
      release(connection, savepoint);
    } catch (SQLException e) {
      throw SqlErrors.translate(jdbc.getExceptionTranslator(), "create chain head", CREATE, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /**
   * Releases the savepoint after the insert succeeded; Oracle has no {@code RELEASE SAVEPOINT}
   * (ojdbc throws {@link SQLFeatureNotSupportedException}), and there the savepoint simply ends
   * with the transaction. Outside the insert's catch, so that this never rolls the insert back.
   */
  private static void release(Connection connection, Savepoint savepoint) throws SQLException {
    try {
      connection.releaseSavepoint(savepoint);
    } catch (SQLFeatureNotSupportedException notOnThisDatabase) {
      // the savepoint ends with the transaction
    }
  }

  private static boolean isIntegrityViolation(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("23");
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
