package cn.timebank.ledger;

import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.OracleTestUser;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * The ledger contract on Oracle Database Free (JDBC batch path), one fresh user (= schema) per
 * test. Runs only where Docker is available; skipped otherwise.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleLedgerIntegrationTests extends LedgerContract {

  @Container
  static final OracleContainer oracle = new OracleContainer("gvenzl/oracle-free:23-slim-faststart");

  @Override
  protected LedgerDatabase openDatabase() {
    return new OracleTestUser(oracle.getJdbcUrl(), "system", oracle.getPassword());
  }

  @Override
  protected WritePath writePath() {
    return WritePath.BATCH;
  }
}
