package cn.timebank.standards.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.data.DataFileException;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class RegistryFileTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final KeyPair PAIR = Keys.ed25519();
  private static final Set<String> CATALOGUE =
      Set.of("LIVING_ASSIST", "PERSONAL_CARE", "MEDICAL_ESCORT", "ERRANDS");

  /** The spec §7 example, with a real key. */
  private static Map<String, Object> bank() {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("key_id", "k2026");
    key.put("ed25519_public_key", Keys.base64(PAIR));
    key.put("valid_from", "2026-01-01");
    key.put("valid_to", null);
    Map<String, Object> codes = new LinkedHashMap<>();
    codes.put("SHZL", "LIVING_ASSIST");
    codes.put("ZY", "PERSONAL_CARE");
    codes.put("PZ", "MEDICAL_ESCORT");
    Map<String, Object> mapping = new LinkedHashMap<>();
    mapping.put("valid_from", "2024-01-01");
    mapping.put("codes", codes);
    Map<String, Object> bank = new LinkedHashMap<>();
    bank.put("bank_code", "310109-001");
    bank.put("name", "虹口区提篮桥街道时间银行");
    bank.put("region_code", "310109");
    bank.put("status", "ACTIVE");
    bank.put("registered_since", "2024-01-01");
    bank.put("amount_basis", "DURATION");
    bank.put("coins_per_hour", null);
    bank.put("keys", new ArrayList<>(List.of(key)));
    bank.put("category_mappings", new ArrayList<>(List.of(mapping)));
    return bank;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String key, int index) {
    return ((List<Map<String, Object>>) node.get(key)).get(index);
  }

  private static InputStream file(List<Map<String, Object>> banks) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("banks", banks);
    return new ByteArrayInputStream(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
  }

  private static List<BankRegistryEntry> read(List<Map<String, Object>> banks) {
    return RegistryFile.read("registry.json", file(banks), CATALOGUE);
  }

  private static void assertRefused(Consumer<Map<String, Object>> change, String message) {
    Map<String, Object> bank = bank();
    change.accept(bank);
    assertThatThrownBy(() -> read(List.of(bank)))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void readsTheSpecExampleWithARealKey() {
    BankRegistryEntry entry = read(List.of(bank())).get(0);

    assertThat(entry.bankCode()).isEqualTo(BankCode.of("310109-001"));
    assertThat(entry.name()).isEqualTo("虹口区提篮桥街道时间银行");
    assertThat(entry.status()).isEqualTo(BankStatus.ACTIVE);
    assertThat(entry.registeredSince()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(entry.amountBasis()).isEqualTo(AmountBasis.DURATION);
    assertThat(entry.coinsPerHour()).isEmpty();
    assertThat(entry.keys())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.keyId()).isEqualTo("k2026");
              assertThat(key.base64()).isEqualTo(Keys.base64(PAIR));
              assertThat(key.validTo()).isEmpty();
            });
    assertThat(entry.unifiedCategory("PZ", LocalDate.of(2026, 10, 5))).contains("MEDICAL_ESCORT");

    byte[] manifest = "{}".getBytes(StandardCharsets.UTF_8);
    Instant at = Instant.parse("2026-11-03T02:15:00Z");
    assertThat(entry.verifies(manifest, Keys.sign(PAIR.getPrivate(), manifest), "k2026", at, at))
        .isTrue();
    assertThat(
            entry.verifies(
                manifest, Keys.sign(Keys.ed25519().getPrivate(), manifest), "k2026", at, at))
        .isFalse();
  }

  @Test
  void readsSeveralBanksAndACoinsBankFromDisk(@TempDir Path dir) throws Exception {
    Map<String, Object> coins = bank();
    coins.put("bank_code", "430102-001");
    coins.put("region_code", "430102");
    coins.put("amount_basis", "COINS");
    coins.put("coins_per_hour", 6);
    Path file = dir.resolve("registry.json");
    Files.write(file, file(List.of(bank(), coins)).readAllBytes());

    List<BankRegistryEntry> entries = RegistryFile.read(file);

    assertThat(entries)
        .extracting(e -> e.bankCode().value())
        .containsExactly("310109-001", "430102-001");
    assertThat(entries.get(1).coinsPerHour()).contains(new BigDecimal("6"));
    assertThat(RegistryFile.read(file, CATALOGUE)).isEqualTo(entries);
  }

  @Test
  void namesTheBankAndTheFieldOfABadPublicKey() {
    assertRefused(
        bank -> child(bank, "keys", 0).put("ed25519_public_key", "MCowBQYDK2VwAyEAnot-a-key"),
        "registry.json: bank 310109-001: keys[0].ed25519_public_key: not a base64 X.509 Ed25519 public key");
  }

  @Test
  void refusesAKeyOfAnotherAlgorithm() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    String ecKey =
        Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded());

    assertRefused(
        bank -> child(bank, "keys", 0).put("ed25519_public_key", ecKey),
        "registry.json: bank 310109-001: keys[0].ed25519_public_key: not a base64 X.509 Ed25519");
  }

  @Test
  void namesABankWithABadCodeByItsIndex() {
    Map<String, Object> bad = bank();
    bad.put("bank_code", "31010-001");
    assertThatThrownBy(() -> read(List.of(bank(), bad)))
        .hasMessage(
            "registry.json: bank at index 1: bank_code: must be 6 digits, a dash and 3 digits (was '31010-001')");

    Map<String, Object> missing = bank();
    missing.remove("bank_code");
    assertThatThrownBy(() -> read(List.of(missing)))
        .hasMessage("registry.json: bank at index 0: bank_code: is required but missing");

    assertThatThrownBy(
            () ->
                RegistryFile.read(
                    "registry.json",
                    new ByteArrayInputStream("{\"banks\": [42]}".getBytes(StandardCharsets.UTF_8))))
        .hasMessageStartingWith("registry.json: bank at index 0: must be an object");
  }

  @Test
  void refusesUnknownKeysAtEveryLevel() {
    assertRefused(
        bank -> bank.put("website", "https://example.cn"),
        "registry.json: bank 310109-001: website: unknown key");
    assertRefused(
        bank -> child(bank, "keys", 0).put("comment", "new key"),
        "registry.json: bank 310109-001: keys[0].comment: unknown key");
    assertRefused(
        bank -> child(bank, "category_mappings", 0).put("valid_to", "2030-01-01"),
        "registry.json: bank 310109-001: category_mappings[0].valid_to: unknown key");
    assertThatThrownBy(
            () ->
                RegistryFile.read(
                    "registry.json",
                    new ByteArrayInputStream(
                        "{\"banks\": [], \"version\": 1}".getBytes(StandardCharsets.UTF_8))))
        .hasMessage("registry.json: $.version: unknown key");
  }

  @Test
  void namesTheBankAndFieldOfEachBadScalar() {
    assertRefused(bank -> bank.remove("name"), "registry.json: bank 310109-001: name: is required");
    assertRefused(
        bank -> bank.put("region_code", "310110"),
        "registry.json: bank 310109-001: region_code: must equal the first 6 digits of bank_code (310109)");
    assertRefused(
        bank -> bank.put("status", "OPEN"),
        "registry.json: bank 310109-001: status: must be one of [ACTIVE, SUSPENDED, CLOSED]");
    assertRefused(
        bank -> bank.put("registered_since", "2024/01/01"),
        "registry.json: bank 310109-001: registered_since: must be a date");
    assertRefused(
        bank -> bank.put("amount_basis", "HOURS"),
        "registry.json: bank 310109-001: amount_basis: must be one of");
  }

  @Test
  void requiresCoinsPerHourExactlyForCoinsBanks() {
    assertRefused(
        bank -> bank.put("amount_basis", "COINS"),
        "registry.json: bank 310109-001: coins_per_hour: is required when amount_basis is COINS");
    assertRefused(
        bank -> bank.put("coins_per_hour", 6),
        "registry.json: bank 310109-001: coins_per_hour: must be null unless amount_basis is COINS");
    assertRefused(
        bank -> {
          bank.put("amount_basis", "COINS");
          bank.put("coins_per_hour", 0);
        },
        "registry.json: bank 310109-001: coins_per_hour: must be a positive number");
    assertRefused(
        bank -> {
          bank.put("amount_basis", "COINS");
          bank.put("coins_per_hour", "6");
        },
        "registry.json: bank 310109-001: coins_per_hour: must be a number");
  }

  @Test
  @SuppressWarnings("unchecked")
  void refusesBadKeys() {
    assertRefused(
        bank -> {
          Map<String, Object> again = new LinkedHashMap<>(child(bank, "keys", 0));
          again.put("valid_from", "2027-01-01");
          ((List<Object>) bank.get("keys")).add(again);
        },
        "registry.json: bank 310109-001: keys[1].key_id: duplicate key id 'k2026' (also keys[0])");
    assertRefused(
        bank -> child(bank, "keys", 0).put("valid_to", "2025-12-31"),
        "registry.json: bank 310109-001: keys[0].valid_to: is before valid_from 2026-01-01");
    assertRefused(
        bank -> child(bank, "keys", 0).remove("valid_from"),
        "registry.json: bank 310109-001: keys[0].valid_from: is required but missing");
    assertRefused(
        bank -> bank.put("keys", List.of()),
        "registry.json: bank 310109-001: keys: must list at least one key");
  }

  @Test
  @SuppressWarnings("unchecked")
  void refusesBadCategoryMappings() {
    assertRefused(
        bank ->
            ((List<Object>) bank.get("category_mappings"))
                .add(Map.of("valid_from", "2024-01-01", "codes", Map.of("SHZL", "ERRANDS"))),
        "registry.json: bank 310109-001: category_mappings[1].valid_from: overlaps category_mappings[0]");
    assertRefused(
        bank ->
            ((Map<String, Object>) child(bank, "category_mappings", 0).get("codes"))
                .put("X", "LIVING"),
        "registry.json: bank 310109-001: category_mappings[0].codes.X: unknown unified category 'LIVING'");
    assertRefused(
        bank ->
            ((Map<String, Object>) child(bank, "category_mappings", 0).get("codes"))
                .put("X", "living_assist"),
        "registry.json: bank 310109-001: category_mappings[0].codes.X: not a unified category code");
    assertRefused(
        bank -> child(bank, "category_mappings", 0).put("codes", Map.of()),
        "registry.json: bank 310109-001: category_mappings[0].codes: must map at least one local code");
    assertRefused(
        bank -> bank.put("category_mappings", List.of()),
        "registry.json: bank 310109-001: category_mappings: must list at least one mapping version");
  }

  @Test
  void acceptsAnyWellFormedUnifiedCodeWithoutACatalogue() {
    Map<String, Object> bank = bank();
    child(bank, "category_mappings", 0).put("codes", Map.of("X", "FUTURE_CATEGORY"));

    assertThat(RegistryFile.read("registry.json", file(List.of(bank)))).hasSize(1);
  }

  @Test
  void refusesABankListedTwice() {
    assertThatThrownBy(() -> read(List.of(bank(), bank())))
        .hasMessage(
            "registry.json: bank 310109-001: bank_code: appears twice in the file (banks[0] and banks[1])");
  }

  @Test
  void refusesAFileThatIsNotJsonOrListsNoBank() {
    assertThatThrownBy(
            () ->
                RegistryFile.read(
                    "registry.json",
                    new ByteArrayInputStream("{\"banks\": [".getBytes(StandardCharsets.UTF_8))))
        .hasMessageStartingWith("registry.json: line 1: not valid JSON: Unexpected end-of-input")
        .message()
        .as("the parser's reason, not its notes on where it read from")
        .doesNotContain("Source", "REDACTED", "StreamReadFeature");
    assertThatThrownBy(() -> read(List.of()))
        .hasMessage("registry.json: $.banks: must list at least one bank");
  }
}
