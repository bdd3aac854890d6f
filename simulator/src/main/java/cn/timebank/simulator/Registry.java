package cn.timebank.simulator;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code registry.json} of spec §7: every simulated bank, plus one SUSPENDED bank. */
final class Registry {

  private Registry() {}

  static byte[] json(
      List<BankProfile> banks, List<KeyPair> keys, BankProfile suspended, KeyPair suspendedKey) {
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < banks.size(); i++) {
      list.add(bank(banks.get(i), keys.get(i), "ACTIVE"));
    }
    list.add(bank(suspended, suspendedKey, "SUSPENDED"));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("banks", list);
    return (Json.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> bank(BankProfile bank, KeyPair key, String status) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bank_code", bank.code());
    m.put("name", bank.name());
    m.put("region_code", bank.regionCode());
    m.put("status", status);
    m.put("registered_since", bank.registeredSince().toString());
    m.put("amount_basis", bank.basis().name());
    m.put("coins_per_hour", bank.coinsPerHour());
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("key_id", bank.keyId());
    k.put("ed25519_public_key", Keys.publicKeyBase64(key));
    k.put("valid_from", bank.registeredSince().toString());
    k.put("valid_to", null);
    m.put("keys", List.of(k));
    List<Object> mappings = new ArrayList<>();
    mappings.add(mapping(bank.registeredSince().toString(), bank.mappingV1()));
    bank.mappingV2()
        .ifPresent(v2 -> mappings.add(mapping(bank.mappingV2From().orElseThrow().toString(), v2)));
    m.put("category_mappings", mappings);
    return m;
  }

  private static Map<String, Object> mapping(String from, Map<String, String> codes) {
    Map<String, Object> byLocal = new LinkedHashMap<>();
    codes.forEach((category, local) -> byLocal.put(local, category));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid_from", from);
    m.put("codes", byLocal);
    return m;
  }
}
