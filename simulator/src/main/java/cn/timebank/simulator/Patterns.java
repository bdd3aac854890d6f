package cn.timebank.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud patterns planted for later anomaly detection. Some produce result codes (W201, W204);
 * those records are also in the truth file with {@code source = pattern:<TYPE>}.
 */
final class Patterns {

  /** One planted occurrence: its type, bank, participants and (filled while writing) services. */
  static final class Planted {
    final String type;
    final String bankCode;
    final List<String> participants;
    final String description;
    final List<String> expectedCodes;
    final List<Map<String, String>> services = new ArrayList<>();

    Planted(
        String type,
        String bankCode,
        List<String> participants,
        String description,
        List<String> expectedCodes) {
      this.type = type;
      this.bankCode = bankCode;
      this.participants = participants;
      this.description = description;
      this.expectedCodes = expectedCodes;
    }

    void service(String bank, String ref) {
      Map<String, String> s = new LinkedHashMap<>();
      s.put("bank_code", bank);
      s.put("service_ref", ref);
      services.add(s);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", type);
      m.put("bank_code", bankCode);
      m.put("participants", participants);
      m.put("services", services);
      m.put("expected_codes", expectedCodes);
      m.put("description", description);
      return m;
    }
  }

  final List<Planted> all = new ArrayList<>();

  Planted plant(
      String type,
      String bankCode,
      List<String> participants,
      String description,
      List<String> codes) {
    Planted p = new Planted(type, bankCode, participants, description, codes);
    all.add(p);
    return p;
  }
}
