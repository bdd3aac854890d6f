package cn.timebank.ledger.store;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Gender;
import cn.timebank.standards.model.IdType;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.ParticipantRole;
import cn.timebank.standards.model.ParticipantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The canonical participants ({@code participants}): the latest version of each, with the person
 * key and the masked id only. A {@link Participant} cannot hold a raw identity number, so none can
 * reach this table.
 */
public final class ParticipantStore {

  private static final String COLUMNS =
      "bank_code, participant_ref, person_key, id_type, masked_id, name, gender, birth_date,"
          + " region_code, roles, registered_on, status, status_date, lives_alone, low_income,"
          + " disability_level, certificates";

  private static final String DELETE =
      "delete from participants where bank_code = ? and participant_ref = ?";
  private static final String INSERT =
      "insert into participants ("
          + COLUMNS
          + ", source_id, updated_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final @Nullable JdbcOperations batch;

  public ParticipantStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.batch = null;
  }

  /** A store whose {@code …All} methods write JDBC batches. */
  public ParticipantStore(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
  }

  /** The bank's participants of these refs (the refs without one are not in the list). */
  public List<Participant> findAll(BankCode bank, Collection<String> participantRefs) {
    List<Participant> found = new ArrayList<>();
    for (List<String> slice : Sql.slices(participantRefs)) {
      found.addAll(
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from participants where bank_code = :bank"
                      + " and participant_ref in (:refs)")
              .param("bank", bank.value())
              .param("refs", slice)
              .query(ParticipantStore::row)
              .list());
    }
    return found;
  }

  public Optional<Participant> find(BankCode bank, String participantRef) {
    return jdbc.sql(
            "select " + COLUMNS + " from participants where bank_code = ? and participant_ref = ?")
        .params(bank.value(), participantRef)
        .query(ParticipantStore::row)
        .optional();
  }

  public List<Participant> ofPerson(PersonKey person) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from participants where person_key = ? order by bank_code, participant_ref")
        .param(person.value())
        .query(ParticipantStore::row)
        .list();
  }

  /** Stores the participant's latest version, replacing the one before. */
  public void save(Participant p, String sourceId, Instant at) {
    jdbc.sql(DELETE).params(p.bankCode().value(), p.participantRef()).update();
    jdbc.sql(INSERT).params(values(p, sourceId, at)).update();
  }

  /** Removes the participants of these (bank, participant ref) keys: one batch. */
  public void removeAll(List<String[]> keys) {
    Sql.batch(
        batch, jdbc, DELETE, keys.stream().map(key -> new Object[] {key[0], key[1]}).toList());
  }

  /** Inserts participants that have no row: one batch. */
  public void insertAll(List<Participant> participants, String sourceId, Instant at) {
    Sql.batch(
        batch, jdbc, INSERT, participants.stream().map(p -> values(p, sourceId, at)).toList());
  }

  private static Object[] values(Participant p, String sourceId, Instant at) {
    return new Object[] {
      p.bankCode().value(),
      p.participantRef(),
      p.personKey().value(),
      p.idType().name(),
      p.maskedId(),
      p.name().orElse(null),
      p.gender().name(),
      p.birthDate(),
      p.regionCode(),
      p.roles().name(),
      p.registeredOn(),
      p.status().name(),
      p.statusDate().orElse(null),
      Sql.flag(p.livesAlone()),
      Sql.flag(p.lowIncome()),
      p.disabilityLevel(),
      p.certificates().isEmpty() ? null : String.join(";", p.certificates()),
      sourceId,
      at.atOffset(ZoneOffset.UTC).toLocalDateTime()
    };
  }

  private static Participant row(ResultSet rs, int n) throws SQLException {
    String certificates = rs.getString("certificates");
    Set<String> codes =
        certificates == null
            ? Set.of()
            : Arrays.stream(certificates.split(";")).collect(Collectors.toSet());
    return new Participant(
        BankCode.of(rs.getString("bank_code")),
        rs.getString("participant_ref"),
        IdType.valueOf(rs.getString("id_type")),
        new PersonKey(rs.getString("person_key")),
        rs.getString("masked_id"),
        Optional.ofNullable(rs.getString("name")),
        Gender.valueOf(rs.getString("gender")),
        Objects.requireNonNull(rs.getObject("birth_date", LocalDate.class)),
        rs.getString("region_code"),
        ParticipantRole.valueOf(rs.getString("roles")),
        Objects.requireNonNull(rs.getObject("registered_on", LocalDate.class)),
        ParticipantStatus.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getObject("status_date", LocalDate.class)),
        Sql.flag(rs, "lives_alone"),
        Sql.flag(rs, "low_income"),
        rs.getInt("disability_level"),
        codes);
  }
}
