package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** The columns of a service the detectors read. */
record ServiceRow(
    String bank,
    String ref,
    String provider,
    @Nullable String providerKey,
    @Nullable String recipient,
    LocalDateTime start,
    @Nullable LocalDateTime end) {

  /** The select list matching {@link #map}, for table alias {@code s}. */
  static final String COLUMNS =
      "s.bank_code, s.service_ref, s.provider_ref, s.provider_key, s.recipient_ref, s.start_at,"
          + " s.end_at";

  static ServiceRow map(ResultSet rs, String prefix) throws SQLException {
    return new ServiceRow(
        rs.getString(prefix + "bank_code"),
        rs.getString(prefix + "service_ref"),
        rs.getString(prefix + "provider_ref"),
        rs.getString(prefix + "provider_key"),
        rs.getString(prefix + "recipient_ref"),
        rs.getObject(prefix + "start_at", LocalDateTime.class),
        rs.getObject(prefix + "end_at", LocalDateTime.class));
  }

  static ServiceRow map(ResultSet rs) throws SQLException {
    return map(rs, "");
  }

  ParticipantId providerId() {
    return new ParticipantId(bank, provider);
  }

  RecordRef record() {
    return RecordRef.service(bank, ref);
  }

  /** Minutes the two half-open intervals share (0 when either has no end). */
  long overlapMinutes(ServiceRow other) {
    if (end == null || other.end == null) {
      return 0;
    }
    LocalDateTime from = start.isAfter(other.start) ? start : other.start;
    LocalDateTime to = end.isBefore(other.end) ? end : other.end;
    return from.isBefore(to) ? Duration.between(from, to).toMinutes() : 0;
  }
}
