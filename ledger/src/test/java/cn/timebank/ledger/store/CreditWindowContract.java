package cn.timebank.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.ledger.support.LedgerDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The person window of the daily cap and the overlap check ({@link CreditStore#ofPersons}, {@link
 * CreditStore#overlapping}): every row that starts on a day of the window or meets its interval,
 * once, and nothing else.
 */
abstract class CreditWindowContract {

  private static final LocalDate DAY = LocalDate.of(2026, 9, 10);
  private static final LocalDateTime FROM = DAY.atTime(8, 0);
  private static final LocalDateTime TO = DAY.atTime(12, 0);

  private LedgerDatabase database;
  private CreditStore store;

  abstract LedgerDatabase database();

  @BeforeEach
  void setUp() {
    database = database();
    LedgerSchema.migrate(database.dataSource());
    store = new CreditStore(new JdbcTemplate(database.dataSource()));
    store.insertAll(
        List.of(
            row("in-day-and-overlapping", "A", DAY.atTime(9, 0), DAY.atTime(10, 0), false),
            row("in-day-open", "A", DAY.atTime(7, 0), null, false),
            row("in-day-after-interval", "A", DAY.atTime(20, 0), DAY.atTime(21, 0), false),
            row("day-before-reaching-in", "A", DAY.minusDays(1).atTime(22, 0), FROM.plusHours(1)),
            row("day-before-ending-at-from", "A", DAY.minusDays(1).atTime(22, 0), FROM),
            row("day-before-open", "A", DAY.minusDays(1).atTime(23, 0), null, false),
            row("in-day-reversed", "A", DAY.atTime(9, 0), DAY.atTime(10, 0), true),
            row("day-before-reaching-in-reversed", "A", DAY.minusDays(1).atTime(23, 0), TO, true),
            row(
                "last-month",
                "A",
                DAY.minusMonths(1).atTime(9, 0),
                DAY.minusMonths(1).atTime(10, 0)),
            row("next-day", "A", DAY.plusDays(1).atTime(9, 0), DAY.plusDays(1).atTime(10, 0)),
            row("other-person-in-day", "B", DAY.atTime(11, 0), DAY.atTime(13, 0), false),
            row("not-asked-in-day", "C", DAY.atTime(9, 0), DAY.atTime(10, 0), false)));
  }

  @AfterEach
  void tearDown() throws Exception {
    database.close();
  }

  @Test
  void theWindowHasEachRowOfItsDaysOrItsIntervalOnce() {
    List<String> refs = refs(store.ofPersons(List.of("A", "B"), DAY, DAY, FROM, TO));

    assertThat(refs)
        .containsExactlyInAnyOrder(
            "in-day-and-overlapping",
            "in-day-open",
            "in-day-after-interval",
            "day-before-reaching-in",
            "other-person-in-day");
  }

  @Test
  void aWindowOfSeveralDaysTakesEveryStartInThem() {
    List<String> refs =
        refs(
            store.ofPersons(
                List.of("A"), DAY.minusDays(1), DAY, DAY.minusDays(1).atTime(8, 0), TO));

    assertThat(refs)
        .containsExactlyInAnyOrder(
            "in-day-and-overlapping",
            "in-day-open",
            "in-day-after-interval",
            "day-before-reaching-in",
            "day-before-ending-at-from",
            "day-before-open");
  }

  @Test
  void overlappingIsTheRowsWithAnEndThatMeetTheInterval() {
    assertThat(store.overlapping("A", FROM, TO))
        .extracting(CreditRow::serviceRef)
        .containsExactly("day-before-reaching-in", "in-day-and-overlapping");
  }

  private static CreditRow row(
      String ref, String person, LocalDateTime start, @Nullable LocalDateTime end) {
    return row(ref, person, start, end, false);
  }

  private static CreditRow row(
      String ref,
      String person,
      LocalDateTime start,
      @Nullable LocalDateTime end,
      boolean reversed) {
    return new CreditRow(
        "310109-001", ref, person, "P001", "ISSUANCE", null, start, end, 60, 60, 60, 0, reversed);
  }

  private static List<String> refs(List<CreditRow> rows) {
    return rows.stream().map(CreditRow::serviceRef).toList();
  }
}
