package cn.timebank.ingestion.stream;

import cn.timebank.standards.identity.ResidentIdNumber;
import cn.timebank.standards.model.BankCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builders of the banks' events as field maps (change a field, or remove it with {@code null}) and
 * their JSON: numbers as JSON numbers, everything else as strings, as the issue specifies.
 */
final class Events {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicLong IDS = new AtomicLong();

  /** An ordinary Tuesday. */
  static final LocalDate DAY = LocalDate.of(2026, 10, 13);

  private Events() {}

  /** A valid resident ID of region 110105 born on {@code birth}, with sequence {@code seq}. */
  static String residentId(LocalDate birth, int seq) {
    String first17 =
        "110105" + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static Map<String, Object> envelope(BankCode bank) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_id", "ev-" + IDS.incrementAndGet());
    event.put("bank_code", bank.value());
    event.put("sent_at", "2026-10-20T10:00:00+08:00");
    return event;
  }

  /** An ACTIVE participant (BOTH roles) with CARE_BASIC, born {@code birth}. */
  static Map<String, Object> participant(
      BankCode bank, String ref, String idNumber, LocalDate birth) {
    Map<String, Object> p = envelope(bank);
    p.put("participant_ref", ref);
    p.put("id_type", "RESIDENT_ID");
    p.put("id_number", idNumber);
    p.put("name", "参与者" + ref);
    p.put("gender", "F");
    p.put("birth_date", birth.toString());
    p.put("region_code", "110105");
    p.put("roles", "BOTH");
    p.put("registered_on", "2024-02-01");
    p.put("status", "ACTIVE");
    p.put("lives_alone", "N");
    p.put("low_income", "N");
    p.put("disability_level", 0);
    p.put("certificates", "CARE_BASIC");
    return p;
  }

  /** A completed, ISSUED service from {@code start} lasting {@code minutes}. */
  static Map<String, Object> service(
      BankCode bank,
      String ref,
      String provider,
      String recipient,
      String category,
      LocalDateTime start,
      int minutes) {
    Map<String, Object> s = envelope(bank);
    s.put("service_ref", ref);
    s.put("provider_ref", provider);
    s.put("recipient_ref", recipient);
    s.put("local_category", category);
    s.put("start", start.toString());
    s.put("end", start.plusMinutes(minutes).toString());
    s.put("funding", "ISSUED");
    s.put("status", "COMPLETED");
    s.put("verification", "TWO_PARTY");
    s.put("rating", 5);
    s.put("recorded_at", start.plusMinutes(minutes).plusHours(1).toString());
    return s;
  }

  static Map<String, Object> transaction(
      BankCode bank, String ref, String type, String participant, long minutes, LocalDateTime at) {
    Map<String, Object> t = envelope(bank);
    t.put("txn_ref", ref);
    t.put("type", type);
    t.put("participant_ref", participant);
    t.put("standard_minutes", minutes);
    t.put("occurred_at", at.toString());
    return t;
  }

  /** The event with some fields changed ({@code null} removes one). */
  static Map<String, Object> with(Map<String, Object> event, Object... namesAndValues) {
    Map<String, Object> changed = new LinkedHashMap<>(event);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      if (value == null) {
        changed.remove(name);
      } else {
        changed.put(name, value);
      }
    }
    return changed;
  }

  static String json(Map<String, Object> event) {
    return JSON.writeValueAsString(event);
  }
}
