package cn.timebank.ingestion.stream;

import cn.timebank.standards.hours.provider.CodePointOrder;
import cn.timebank.standards.model.BankCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded month of raw records of two banks (spec field names, values as CSV text), for comparing
 * batch and stream: people registered in one or both banks (the same ID: the same person key),
 * services over October 2026 (daily caps, overlaps, late recording, short ones, redemptions, pool
 * funding, cancelled ones), gifts, donations, transfers between the banks and reversals, and some
 * bad records (a missing field, an unknown participant, an unmapped category, a minor provider).
 */
final class AgreementData {

  /** One raw record: the topic it belongs to and its fields (without the event envelope). */
  record Raw(EventTopic topic, BankCode bank, Map<String, String> fields) {
    String ref() {
      return fields.get(topic.refField());
    }
  }

  private static final List<BankCode> BANKS = List.of(Banks.A, Banks.B);
  private static final List<String> CATEGORIES =
      List.of("SHZL", "ZY", "WY", "PZ", "JS", "AQ", "HL");

  private final Random random;
  private final Map<BankCode, List<String>> refs = new LinkedHashMap<>();
  private final Map<BankCode, List<String>> services = new LinkedHashMap<>();
  private final List<Raw> records = new ArrayList<>();

  private AgreementData(long seed) {
    this.random = new Random(seed);
    BANKS.forEach(
        bank -> {
          refs.put(bank, new ArrayList<>());
          services.put(bank, new ArrayList<>());
        });
  }

  /**
   * In the batch's application order: participants first (as generated), then services and
   * transactions in the time order of spec §3.8 (start or occurred_at, services first, then ref).
   */
  static List<Raw> generate(long seed) {
    AgreementData data = new AgreementData(seed);
    data.people();
    for (int i = 0; i < 150; i++) {
      data.service(i);
    }
    for (int i = 0; i < 50; i++) {
      data.transaction(i);
    }
    List<Raw> ordered = new ArrayList<>(data.records);
    ordered.sort(
        Comparator.comparing((Raw raw) -> raw.topic() != EventTopic.PARTICIPANTS)
            .thenComparing(raw -> raw.topic() == EventTopic.PARTICIPANTS ? "" : time(raw))
            .thenComparing(Raw::topic)
            .thenComparing(Raw::ref, CodePointOrder.INSTANCE));
    return ordered;
  }

  private static String time(Raw raw) {
    return LocalDateTime.parse(
            raw.fields().get(raw.topic() == EventTopic.SERVICES ? "start" : "occurred_at"))
        .toString();
  }

  private void people() {
    for (int n = 0; n < 12; n++) {
      LocalDate birth =
          n < 7
              ? LocalDate.of(1965 + 4 * n, 1 + n, 3)
              : n < 11 ? LocalDate.of(1940 + n, 6, 9) : LocalDate.of(2011, 2, 2);
      String id = Events.residentId(birth, 100 + n);
      participant(Banks.A, "PA" + n, id, birth, n == 5);
      if (n % 2 == 0) {
        participant(Banks.B, "PB" + n, id, birth, false);
      }
    }
    participant(Banks.A, "PA99", "not-an-id", LocalDate.of(1980, 1, 1), false);
  }

  private void participant(BankCode bank, String ref, String id, LocalDate birth, boolean left) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("participant_ref", ref);
    f.put("id_type", "RESIDENT_ID");
    f.put("id_number", id);
    f.put("gender", "M");
    f.put("birth_date", birth.toString());
    f.put("region_code", "110105");
    f.put("roles", "BOTH");
    f.put("registered_on", "2024-03-01");
    f.put("status", left ? "LEFT" : "ACTIVE");
    if (left) {
      f.put("status_date", "2026-10-15");
    }
    f.put("lives_alone", "N");
    f.put("low_income", random.nextBoolean() ? "Y" : "N");
    f.put("disability_level", Integer.toString(random.nextInt(3)));
    f.put("certificates", random.nextInt(3) == 0 ? "CARE_BASIC;NURSING_LICENSE" : "CARE_BASIC");
    records.add(new Raw(EventTopic.PARTICIPANTS, bank, f));
    refs.get(bank).add(ref);
  }

  private void service(int i) {
    BankCode bank = pick(BANKS);
    String ref = "S" + i;
    LocalDateTime start =
        LocalDate.of(2026, 10, 1 + random.nextInt(6))
            .atTime(6 + random.nextInt(17), 5 * random.nextInt(12));
    int minutes = 10 + random.nextInt(300);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("service_ref", ref);
    f.put("provider_ref", random.nextInt(40) == 0 ? "NOBODY" : pick(refs.get(bank)));
    f.put("recipient_ref", pick(refs.get(bank)));
    f.put("local_category", random.nextInt(40) == 0 ? "NOPE" : pick(CATEGORIES));
    f.put("start", start.toString());
    f.put("end", start.plusMinutes(minutes).toString());
    int funding = random.nextInt(10);
    f.put("funding", funding < 7 ? "ISSUED" : funding < 9 ? "BALANCE" : "POOL");
    f.put("status", random.nextInt(10) == 0 ? "CANCELLED" : "COMPLETED");
    f.put("verification", "SIGN_IN_OUT");
    if (random.nextBoolean()) {
      f.put("rating", Integer.toString(1 + random.nextInt(5)));
    }
    f.put("recorded_at", start.plusDays(random.nextInt(40)).toString());
    if (random.nextInt(50) == 0) {
      f.remove("verification");
    }
    records.add(new Raw(EventTopic.SERVICES, bank, f));
    services.get(bank).add(ref);
  }

  private void transaction(int i) {
    BankCode bank = pick(BANKS);
    BankCode other = bank.equals(Banks.A) ? Banks.B : Banks.A;
    LocalDateTime at =
        LocalDate.of(2026, 10, 2 + random.nextInt(8)).atTime(7 + random.nextInt(14), 0);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("txn_ref", "T" + i);
    f.put("participant_ref", pick(refs.get(bank)));
    f.put("standard_minutes", Integer.toString(30 * (1 + random.nextInt(6))));
    f.put("occurred_at", at.toString());
    switch (random.nextInt(5)) {
      case 0 -> {
        f.put("type", "GIFT");
        f.put("counterparty_ref", pick(refs.get(bank)));
      }
      case 1 -> f.put("type", "DONATION");
      case 2 -> {
        // The same person on both sides: PA<n> and PB<n> for even n.
        int n = 2 * random.nextInt(6);
        f.put("type", "TRANSFER_OUT");
        f.put("participant_ref", (bank.equals(Banks.A) ? "PA" : "PB") + n);
        f.put("counterparty_bank", other.value());
        records.add(new Raw(EventTopic.TRANSACTIONS, bank, f));
        Map<String, String> in = new LinkedHashMap<>(f);
        in.put("txn_ref", "T" + i + "-IN");
        in.put("type", "TRANSFER_IN");
        in.put("participant_ref", (other.equals(Banks.A) ? "PA" : "PB") + n);
        in.put("counterparty_bank", bank.value());
        in.put("occurred_at", at.plusDays(random.nextInt(5)).toString());
        records.add(new Raw(EventTopic.TRANSACTIONS, other, in));
        return;
      }
      case 3 -> {
        f.put("type", "REVERSAL");
        f.put("reverses_ref", pick(services.get(bank)));
      }
      default -> f.put("type", "GIFT");
    }
    if (!f.containsKey("counterparty_ref") && f.get("type").equals("GIFT")) {
      f.put("counterparty_ref", pick(refs.get(bank)));
    }
    records.add(new Raw(EventTopic.TRANSACTIONS, bank, f));
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
