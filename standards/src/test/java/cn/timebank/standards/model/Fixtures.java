package cn.timebank.standards.model;

import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.identity.PersonKeySecret;
import cn.timebank.standards.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid raw records and canonical values to vary in tests. */
final class Fixtures {

  static final BankCode BANK = BankCode.of("310109-001");
  static final PersonKeySecret SECRET = PersonKeySecret.of("test-secret-of-sixteen-bytes");
  static final LocalDate BIRTH = LocalDate.of(1950, 3, 7);
  static final String RESIDENT_ID = residentId("110105", BIRTH, "123");

  private Fixtures() {}

  /** A resident ID with a correct check character. */
  static String residentId(String region, LocalDate birth, String sequence) {
    String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence;
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** The same number with a wrong check character. */
  static String withWrongCheck(String id) {
    char wrong = id.charAt(17) == '0' ? '1' : '0';
    return id.substring(0, 17) + wrong;
  }

  static PersonKey key() {
    return PersonKey.of(RESIDENT_ID, SECRET);
  }

  static Map<String, String> participant() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("participant_ref", "P001");
    raw.put("id_type", "RESIDENT_ID");
    raw.put("id_number", RESIDENT_ID);
    raw.put("name", "张三");
    raw.put("gender", "M");
    raw.put("birth_date", "1950-03-07");
    raw.put("region_code", "310109");
    raw.put("roles", "BOTH");
    raw.put("registered_on", "2024-02-01");
    raw.put("status", "ACTIVE");
    raw.put("status_date", "");
    raw.put("lives_alone", "Y");
    raw.put("low_income", "N");
    raw.put("disability_level", "0");
    raw.put("certificates", "CARE_BASIC;FIRST_AID");
    return raw;
  }

  static Map<String, String> service() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("service_ref", "S001");
    raw.put("provider_ref", "P001");
    raw.put("recipient_ref", "P002");
    raw.put("local_category", "SHZL");
    raw.put("start", "2026-10-05T09:00:00");
    raw.put("end", "2026-10-05T10:40:00");
    raw.put("local_amount", "");
    raw.put("funding", "ISSUED");
    raw.put("status", "COMPLETED");
    raw.put("verification", "TWO_PARTY");
    raw.put("rating", "5");
    raw.put("location_region", "310109");
    raw.put("recorded_at", "2026-10-05T11:00:00+08:00");
    return raw;
  }

  static Map<String, String> transaction() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("txn_ref", "T001");
    raw.put("type", "GIFT");
    raw.put("participant_ref", "P001");
    raw.put("counterparty_ref", "P002");
    raw.put("counterparty_bank", "");
    raw.put("standard_minutes", "90");
    raw.put("occurred_at", "2026-10-05T12:00:00");
    raw.put("reverses_ref", "");
    raw.put("note", "给母亲");
    return raw;
  }

  static Map<String, String> with(Map<String, String> raw, String... keyValues) {
    Map<String, String> copy = new LinkedHashMap<>(raw);
    for (int i = 0; i < keyValues.length; i += 2) {
      copy.put(keyValues[i], keyValues[i + 1]);
    }
    return copy;
  }
}
