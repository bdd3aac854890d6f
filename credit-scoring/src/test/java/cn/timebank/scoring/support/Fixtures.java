package cn.timebank.scoring.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts canonical rows (banks, participants, services, packages) straight into the migrated
 * schema, as the ingestion job would leave them: services with their computed minutes, packages
 * with their receipt JSON (spec §5). Only the columns scoring reads are filled with care.
 */
public final class Fixtures {

  private final JdbcClient jdbc;
  private final AtomicLong sources = new AtomicLong();

  public Fixtures(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public Fixtures bank(String code) {
    jdbc.sql(
            "insert into banks (bank_code, name, region_code, status, registered_since,"
                + " amount_basis, imported_at) values (?, ?, ?, 'ACTIVE', ?, 'DURATION', ?)")
        .params(
            code,
            "bank " + code,
            code.substring(0, 6),
            LocalDate.of(2024, 1, 1),
            LocalDateTime.of(2024, 1, 1, 0, 0))
        .update();
    return this;
  }

  public ParticipantRow participant(String bank, String ref) {
    return new ParticipantRow(bank, ref);
  }

  public ServiceRow service(String bank, String ref) {
    return new ServiceRow(bank, ref);
  }

  public PackageRow delivery(String bank, String month, int sequence) {
    return new PackageRow(bank, month, sequence);
  }

  public final class ParticipantRow {
    private final String bank;
    private final String ref;
    private String roles = "BOTH";
    private @Nullable String certificates;
    private @Nullable String personKey;
    private LocalDate registeredOn = LocalDate.of(2024, 1, 1);

    private ParticipantRow(String bank, String ref) {
      this.bank = bank;
      this.ref = ref;
    }

    public ParticipantRow roles(String roles) {
      this.roles = roles;
      return this;
    }

    public ParticipantRow certificates(String certificates) {
      this.certificates = certificates;
      return this;
    }

    public ParticipantRow personKey(String personKey) {
      this.personKey = personKey;
      return this;
    }

    public ParticipantRow registeredOn(LocalDate day) {
      this.registeredOn = day;
      return this;
    }

    public Fixtures insert() {
      jdbc.sql(
              "insert into participants (bank_code, participant_ref, person_key, roles,"
                  + " registered_on, status, certificates, source_id, updated_at)"
                  + " values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")
          .params(
              bank,
              ref,
              personKey == null ? null : pad(personKey),
              roles,
              registeredOn,
              certificates,
              "fixture/" + sources.incrementAndGet(),
              LocalDateTime.of(2024, 1, 1, 0, 0))
          .update();
      return Fixtures.this;
    }
  }

  public final class ServiceRow {
    private final String bank;
    private final String ref;
    private String provider = "P001";
    private @Nullable String providerKey;
    private @Nullable String recipient = "R001";
    private LocalDateTime start = LocalDateTime.of(2026, 10, 5, 9, 0);
    private @Nullable Integer minutes = 60;
    private Integer credited = null;
    private String status = "COMPLETED";
    private String funding = "ISSUED";
    private @Nullable Integer rating;
    private @Nullable LocalDateTime recordedAt;
    private @Nullable String resultCodes;
    private String current = "Y";
    private String sourceId = "fixture/1";

    private ServiceRow(String bank, String ref) {
      this.bank = bank;
      this.ref = ref;
    }

    public ServiceRow provider(String provider) {
      this.provider = provider;
      return this;
    }

    public ServiceRow providerKey(String key) {
      this.providerKey = key;
      return this;
    }

    public ServiceRow recipient(@Nullable String recipient) {
      this.recipient = recipient;
      return this;
    }

    public ServiceRow start(String isoLocal) {
      this.start = LocalDateTime.parse(isoLocal);
      return this;
    }

    public ServiceRow start(LocalDateTime start) {
      this.start = start;
      return this;
    }

    /** Duration; the end is start + minutes ({@code null}: no end). */
    public ServiceRow minutes(@Nullable Integer minutes) {
      this.minutes = minutes;
      return this;
    }

    /** Credited minutes (default: the duration for COMPLETED, 0 otherwise). */
    public ServiceRow credited(int credited) {
      this.credited = credited;
      return this;
    }

    public ServiceRow status(String status) {
      this.status = status;
      return this;
    }

    public ServiceRow funding(String funding) {
      this.funding = funding;
      return this;
    }

    public ServiceRow rating(int rating) {
      this.rating = rating;
      return this;
    }

    public ServiceRow recordedAt(String isoLocal) {
      this.recordedAt = LocalDateTime.parse(isoLocal);
      return this;
    }

    public ServiceRow resultCodes(String codes) {
      this.resultCodes = codes;
      return this;
    }

    /** A superseded version (current_flag N), e.g. before a correction. */
    public ServiceRow superseded() {
      this.current = "N";
      this.sourceId = "fixture/0";
      return this;
    }

    public Fixtures insert() {
      int credit =
          credited != null ? credited : "COMPLETED".equals(status) && minutes != null ? minutes : 0;
      jdbc.sql(
              "insert into services (bank_code, service_ref, source_id, current_flag,"
                  + " provider_ref, provider_key, recipient_ref, local_category,"
                  + " unified_category, start_at, end_at, funding, status, verification, rating,"
                  + " recorded_at, standard_version, actual_minutes, credited_minutes,"
                  + " result_codes, received_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, 'SHZL', 'LIVING_ASSIST', ?, ?, ?, ?,"
                  + " 'SIGN_IN_OUT', ?, ?, 'TBHS-2024.1', ?, ?, ?, ?)")
          .params(
              bank,
              ref,
              sourceId,
              current,
              provider,
              providerKey == null ? null : pad(providerKey),
              recipient,
              start,
              minutes == null ? null : start.plusMinutes(minutes),
              funding,
              status,
              rating,
              recordedAt,
              minutes,
              credit,
              resultCodes,
              LocalDateTime.of(2026, 11, 5, 1, 0))
          .update();
      return Fixtures.this;
    }
  }

  public final class PackageRow {
    private final String bank;
    private final String month;
    private final int sequence;
    private LocalDateTime receivedAt;
    private LocalDateTime dueAt;
    private boolean late;
    private String status = "ACPT";
    private final StringBuilder files = new StringBuilder();

    private PackageRow(String bank, String month, int sequence) {
      this.bank = bank;
      this.month = month;
      this.sequence = sequence;
      // due: the 10th after the month, 23:59:59 Shanghai = 15:59:59 UTC
      LocalDate firstOfNext = LocalDate.parse(month + "-01").plusMonths(1);
      this.dueAt = firstOfNext.plusDays(9).atTime(15, 59, 59);
      this.receivedAt = firstOfNext.plusDays(3).atTime(1, 0);
    }

    /** Received (UTC, as stored); late is set from the due time. */
    public PackageRow receivedUtc(String isoUtc) {
      this.receivedAt = LocalDateTime.parse(isoUtc);
      this.late = receivedAt.isAfter(dueAt);
      return this;
    }

    public PackageRow status(String status) {
      this.status = status;
      return this;
    }

    public PackageRow file(String name, long read, long accepted, long rejected) {
      if (!files.isEmpty()) {
        files.append(',');
      }
      files
          .append('"')
          .append(name)
          .append("\":{\"read\":")
          .append(read)
          .append(",\"accepted\":")
          .append(accepted)
          .append(",\"rejected\":")
          .append(rejected)
          .append('}');
      return this;
    }

    public Fixtures insert() {
      String id = bank + "_" + month + "_" + sequence + "_" + sources.incrementAndGet();
      String receipt =
          "{\"package_id\":\""
              + id
              + "\",\"bank_code\":\""
              + bank
              + "\",\"period\":\""
              + month
              + "\",\"sequence\":"
              + sequence
              + ",\"late\":"
              + late
              + ",\"status\":\""
              + status
              + "\",\"counts\":{\"files\":{"
              + files
              + "},\"codes\":{}},\"rejected\":[],\"warnings\":[]}";
      jdbc.sql(
              "insert into packages (package_id, sha256, bank_code, report_month, seq_no,"
                  + " received_at, due_at, late, status, receipt_json)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              pad(id),
              bank,
              month,
              sequence,
              receivedAt,
              dueAt,
              late ? "Y" : "N",
              status,
              receipt)
          .update();
      return Fixtures.this;
    }
  }

  /** A char(64) key from a short name. */
  static String pad(String key) {
    StringBuilder out = new StringBuilder(key);
    while (out.length() < 64) {
      out.append('0');
    }
    return out.substring(0, 64);
  }
}
