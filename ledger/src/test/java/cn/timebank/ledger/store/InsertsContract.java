package cn.timebank.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.ledger.support.LedgerDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stores' many-row inserts: a JDBC batch, or COPY on PostgreSQL; the rows read back equal. */
abstract class InsertsContract {

  private static final String COLUMNS = "txt, whole, big, amount, on_day, at_time";

  private LedgerDatabase database;
  private JdbcTemplate jdbc;
  private Inserts inserts;

  abstract LedgerDatabase database();

  /** Whether the database takes the rows by COPY. */
  abstract boolean copies();

  @BeforeEach
  void setUp() {
    database = database();
    jdbc = new JdbcTemplate(database.dataSource());
    jdbc.execute(
        "create table insert_probe (txt varchar(200) primary key, whole numeric(9),"
            + " big numeric(18), amount numeric(12, 2), on_day date, at_time timestamp)");
    inserts = new Inserts(JdbcClient.create(jdbc), jdbc, "insert_probe", COLUMNS);
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  @Test
  void rowsReadBackAsTheyWereGiven() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        new Object[] {
          "tab\there, line\nbreak, back\\slash, 中文 ✓, \\N",
          7,
          9_000_000_000L,
          new BigDecimal("1E+1"),
          LocalDate.of(2026, 9, 30),
          LocalDateTime.of(2026, 9, 30, 23, 59, 58, 123_456_000)
        });
    rows.add(new Object[] {"nulls", null, null, null, null, null});
    rows.add(
        new Object[] {
          "midnight", 0, -1L, new BigDecimal("-0.50"), null, LocalDateTime.of(2026, 1, 1, 0, 0)
        });
    // more than one COPY message
    for (int i = 0; i < 3_000; i++) {
      rows.add(new Object[] {"row " + i + " " + "x".repeat(40), i, (long) i, null, null, null});
    }

    inTransaction(() -> inserts.all(rows));

    assertThat(jdbc.queryForObject("select count(*) from insert_probe", Integer.class))
        .isEqualTo(rows.size());
    Map<String, Object> first =
        jdbc.queryForMap("select * from insert_probe where txt like 'tab%'");
    assertThat(first.get("txt")).isEqualTo(rows.get(0)[0]);
    assertThat(((Number) first.get("whole")).intValue()).isEqualTo(7);
    assertThat(((Number) first.get("big")).longValue()).isEqualTo(9_000_000_000L);
    assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo("10");
    assertThat(
            jdbc.queryForObject(
                "select on_day from insert_probe where txt like 'tab%'", LocalDate.class))
        .isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(
            jdbc.queryForObject(
                "select at_time from insert_probe where txt like 'tab%'", LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2026, 9, 30, 23, 59, 58, 123_456_000));
    assertThat(
            jdbc.queryForObject(
                "select at_time from insert_probe where txt = 'midnight'", LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0));
    assertThat(jdbc.queryForMap("select * from insert_probe where txt = 'nulls'"))
        .containsEntry("whole", null)
        .containsEntry("big", null)
        .containsEntry("amount", null)
        .containsEntry("on_day", null)
        .containsEntry("at_time", null);
    assertThat(
            jdbc.queryForObject(
                "select whole from insert_probe where txt like 'row 2999 %'", Integer.class))
        .isEqualTo(2999);
  }

  @Test
  void aDuplicateKeyFailsAndTheTransactionKeepsNothing() {
    List<Object[]> rows =
        List.of(
            new Object[] {"same", 1, null, null, null, null},
            new Object[] {"other", 2, null, null, null, null},
            new Object[] {"same", 3, null, null, null, null});

    assertThatThrownBy(() -> inTransaction(() -> inserts.all(rows)))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(jdbc.queryForObject("select count(*) from insert_probe", Integer.class)).isZero();
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    inTransaction(() -> inserts.all(List.<Object[]>of()));
    if (!copies()) {
      return; // the batch binds any value its driver takes; COPY knows the stores' types only
    }
    assertRefused(new Object[] {"x", 1, null, null, null, Instant.EPOCH}, "java.time.Instant");
    assertRefused(
        new Object[] {"y", 1, null, null, LocalDate.of(10000, 1, 1), null}, "years 1 to 9999");
  }

  private void assertRefused(Object[] row, String why) {
    assertThatThrownBy(() -> inTransaction(() -> inserts.all(List.<Object[]>of(row))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()))
        .executeWithoutResult(status -> work.run());
  }
}
