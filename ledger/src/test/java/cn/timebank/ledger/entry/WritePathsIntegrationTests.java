package cn.timebank.ledger.entry;

import static cn.timebank.ledger.support.Postings.BANK_A;
import static cn.timebank.ledger.support.Postings.BANK_B;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.ledger.support.Banks;
import cn.timebank.ledger.support.PostgresTestSchema;
import cn.timebank.ledger.support.Postings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** On the real PostgreSQL: COPY and JDBC batches store the very same rows and hashes. */
class WritePathsIntegrationTests {

  private static List<Posting> postings() {
    List<Posting> postings = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      postings.add(Postings.issued(BANK_A, "S" + i, "P" + (i % 17) + "\t|\\中", 15 + i));
      postings.add(Postings.issuedOverCap(BANK_B, "S" + i, "Q" + (i % 5), 30, i + 1));
    }
    return postings;
  }

  private static List<String> storeWith(WritePath path, DataSource dataSource) {
    LedgerSchema.migrate(dataSource);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Banks.register(jdbc, BANK_A, BANK_B);
    LedgerWriter writer = new LedgerWriter(dataSource, path, 100, Clock.systemUTC());
    assertThat(writer.activePath()).isEqualTo(path);
    new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .executeWithoutResult(status -> writer.post(postings()));
    return jdbc.queryForList(
        "select bank_code || ' ' || chain_seq || ' ' || posting_id || ' ' || participant_ref"
            + " || ' ' || posted_at || ' ' || prev_hash || ' ' || entry_hash"
            + " from ledger_entries order by bank_code, chain_seq",
        String.class);
  }

  @Test
  void copyAndBatchStoreIdenticalEntries() {
    try (PostgresTestSchema copy = new PostgresTestSchema();
        PostgresTestSchema batch = new PostgresTestSchema()) {
      List<String> viaCopy = storeWith(WritePath.COPY, copy.dataSource());
      List<String> viaBatch = storeWith(WritePath.BATCH, batch.dataSource());

      assertThat(viaCopy).hasSize(250 * 2 + 250 * 3).isEqualTo(viaBatch);
    }
  }

  @Test
  void autoChoosesCopyOnPostgres() {
    try (PostgresTestSchema schema = new PostgresTestSchema()) {
      assertThat(new LedgerWriter(schema.dataSource()).activePath()).isEqualTo(WritePath.COPY);
    }
  }
}
