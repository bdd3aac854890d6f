package cn.timebank.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily-cap rows ({@code credited_services}). */
public final class CreditStore {

  private static final String COLUMNS =
      "bank_code, service_ref, person_key, provider_ref, funding_kind, funding_ref, start_at,"
          + " end_at, weighted_minutes, credited_minutes, provider_minutes, pool_minutes,"
          + " reversed_flag";

  private static final String DELETE =
      "delete from credited_services where bank_code = ? and service_ref = ?";
  private static final String INSERT =
      "insert into credited_services ("
          + COLUMNS
          + ", service_day) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final @Nullable JdbcOperations batch;
  private final Inserts inserts;

  public CreditStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.batch = null;
    this.inserts = new Inserts(jdbc, null, "credited_services", COLUMNS + ", service_day");
  }

  /** A store whose {@code …All} methods write JDBC batches. */
  public CreditStore(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
    this.inserts = new Inserts(this.jdbc, template, "credited_services", COLUMNS + ", service_day");
  }

  public Optional<CreditRow> find(String bank, String serviceRef) {
    return jdbc.sql(
            "select " + COLUMNS + " from credited_services where bank_code = ? and service_ref = ?")
        .params(bank, serviceRef)
        .query(CreditStore::row)
        .optional();
  }

  /** The person's not reversed rows of a day. */
  public List<CreditRow> onDay(String personKey, LocalDate day) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from credited_services where person_key = ? and service_day = ?"
                + " and reversed_flag = 'N' order by bank_code, service_ref")
        .params(personKey, day)
        .query(CreditStore::row)
        .list();
  }

  /**
   * The person's not reversed rows with an end whose {@code [start, end)} meets {@code [from, to)}
   * (read on {@code credited_person_end_ix}: the rows ending after {@code from}).
   */
  public List<CreditRow> overlapping(String personKey, LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from credited_services where person_key = ? and reversed_flag = 'N'"
                + " and end_at is not null and end_at > ? and start_at < ?"
                + " order by bank_code, service_ref")
        .params(personKey, from, to)
        .query(CreditStore::row)
        .list();
  }

  /** Every row (reports, tests). */
  public List<CreditRow> all() {
    return jdbc.sql("select " + COLUMNS + " from credited_services order by bank_code, service_ref")
        .query(CreditStore::row)
        .list();
  }

  public void remove(String bank, String serviceRef) {
    jdbc.sql(DELETE).params(bank, serviceRef).update();
  }

  /** Inserts the row or replaces the one of the same service. */
  public void save(CreditRow row) {
    remove(row.bank(), row.serviceRef());
    jdbc.sql(INSERT).params(values(row)).update();
  }

  /** Removes the rows of these (bank, service ref) keys: one batch. */
  public void removeAll(List<String[]> keys) {
    Sql.batch(
        batch, jdbc, DELETE, keys.stream().map(key -> new Object[] {key[0], key[1]}).toList());
  }

  /** Inserts rows whose keys are free: one batch. */
  public void insertAll(List<CreditRow> rows) {
    inserts.all(rows.stream().map(CreditStore::values).toList());
  }

  /** The rows of one bank's services with these refs, reversed or not. */
  public List<CreditRow> findAll(String bank, Collection<String> serviceRefs) {
    List<CreditRow> rows = new ArrayList<>();
    for (List<String> slice : Sql.slices(serviceRefs)) {
      rows.addAll(
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from credited_services where bank_code = :bank"
                      + " and service_ref in (:refs)")
              .param("bank", bank)
              .param("refs", slice)
              .query(CreditStore::row)
              .list());
    }
    return rows;
  }

  /**
   * The not reversed rows of the persons that start on a day in {@code [firstDay, lastDay]} or have
   * an end and meet {@code [from, to)}: what {@link #onDay} and {@link #overlapping} give for these
   * persons, days and any interval inside {@code [from, to)}.
   *
   * <p>Two range reads joined by {@code union all}, one per index: the days on {@code
   * credited_person_day_ix}, the overlaps ({@code end_at > from}) on {@code
   * credited_person_end_ix}, the second without the rows the first has. One {@code where} with the
   * two conditions joined by {@code or} could use only the {@code person_key} prefix of either
   * index, and read every row a person ever had, on every call.
   */
  public List<CreditRow> ofPersons(
      Collection<String> personKeys,
      LocalDate firstDay,
      LocalDate lastDay,
      LocalDateTime from,
      LocalDateTime to) {
    List<CreditRow> rows = new ArrayList<>();
    for (List<String> slice : Sql.slices(personKeys)) {
      rows.addAll(
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from credited_services where person_key in (:persons)"
                      + " and service_day between :first and :last and reversed_flag = 'N'"
                      + " union all select "
                      + COLUMNS
                      + " from credited_services where person_key in (:persons)"
                      + " and end_at is not null and end_at > :from and start_at < :to"
                      + " and (service_day < :first or service_day > :last)"
                      + " and reversed_flag = 'N'")
              .param("persons", slice)
              .param("first", firstDay)
              .param("last", lastDay)
              .param("to", to)
              .param("from", from)
              .query(CreditStore::row)
              .list());
    }
    return rows;
  }

  private static Object[] values(CreditRow row) {
    return new Object[] {
      row.bank(),
      row.serviceRef(),
      row.personKey(),
      row.providerRef(),
      row.fundingKind(),
      row.fundingRef(),
      row.start(),
      row.end(),
      row.weighted(),
      row.credited(),
      row.toProvider(),
      row.toPool(),
      Sql.flag(row.reversed()),
      row.start().toLocalDate()
    };
  }

  private static CreditRow row(ResultSet rs, int n) throws SQLException {
    return new CreditRow(
        rs.getString("bank_code"),
        rs.getString("service_ref"),
        rs.getString("person_key"),
        rs.getString("provider_ref"),
        rs.getString("funding_kind"),
        rs.getString("funding_ref"),
        Sql.requiredTime(rs, "start_at"),
        Sql.time(rs, "end_at"),
        rs.getLong("weighted_minutes"),
        rs.getLong("credited_minutes"),
        rs.getLong("provider_minutes"),
        rs.getLong("pool_minutes"),
        Sql.flag(rs, "reversed_flag"));
  }
}
