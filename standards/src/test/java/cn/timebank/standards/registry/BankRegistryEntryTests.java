package cn.timebank.standards.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankRegistryEntryTests {

  private static final KeyPair OLD = Keys.ed25519();
  private static final KeyPair NEW = Keys.ed25519();

  static BankRegistryEntry entry(
      String region,
      AmountBasis basis,
      Optional<BigDecimal> coins,
      List<BankKey> keys,
      List<CategoryMapping> mappings) {
    return new BankRegistryEntry(
        BankCode.of("310109-001"),
        "虹口区提篮桥街道时间银行",
        region,
        BankStatus.ACTIVE,
        LocalDate.of(2024, 1, 1),
        basis,
        coins,
        keys,
        mappings);
  }

  static CategoryMapping mapping(String from, Map<String, String> codes) {
    return new CategoryMapping(LocalDate.parse(from), codes);
  }

  private static final List<BankKey> KEYS =
      List.of(
          Keys.bankKey("k2026b", NEW, "2026-06-01", null),
          Keys.bankKey("k2026", OLD, "2026-01-01", "2026-06-30"));

  private static final List<CategoryMapping> MAPPINGS =
      List.of(
          mapping("2026-07-01", Map.of("SHZL", "LIVING_ASSIST", "ZY2", "PERSONAL_CARE")),
          mapping("2024-01-01", Map.of("SHZL", "LIVING_ASSIST", "ZY", "PERSONAL_CARE")));

  private final BankRegistryEntry bank =
      entry("310109", AmountBasis.DURATION, Optional.empty(), KEYS, MAPPINGS);

  @Test
  void keepsKeysAndMappingsInDateOrder() {
    assertThat(bank.keys()).extracting(BankKey::keyId).containsExactly("k2026", "k2026b");
    assertThat(bank.categoryMappings())
        .extracting(CategoryMapping::validFrom)
        .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 7, 1));
  }

  @Test
  void findsTheKeyValidWhenGeneratedAndWhenReceived() {
    Instant generated = Instant.parse("2026-06-30T12:00:00Z"); // 20:00 in Shanghai
    Instant received = Instant.parse("2026-06-30T15:00:00Z"); // 23:00 in Shanghai

    assertThat(bank.keyFor("k2026", generated, received)).map(BankKey::keyId).contains("k2026");
    assertThat(bank.keyFor("k2026b", generated, received)).isPresent();
    assertThat(bank.keyFor("k9999", generated, received)).isEmpty();
  }

  @Test
  void findsNoKeyWhenThePackageIsReceivedAfterTheKeyExpired() {
    Instant generated = Instant.parse("2026-06-30T12:00:00Z");
    Instant receivedNextShanghaiDay = Instant.parse("2026-06-30T16:30:00Z"); // 07-01 00:30

    assertThat(bank.keyFor("k2026", generated, receivedNextShanghaiDay)).isEmpty();
  }

  @Test
  void findsNoKeyWhenGeneratedBeforeItWasValid() {
    assertThat(
            bank.keyFor(
                "k2026b",
                Instant.parse("2026-05-31T10:00:00Z"),
                Instant.parse("2026-06-02T10:00:00Z")))
        .isEmpty();
  }

  @Test
  void verifiesASignatureWithTheSelectedKey() {
    byte[] manifest = "manifest bytes".getBytes(StandardCharsets.UTF_8);
    Instant at = Instant.parse("2026-03-01T02:00:00Z");

    assertThat(bank.verifies(manifest, Keys.sign(OLD.getPrivate(), manifest), "k2026", at, at))
        .isTrue();
    assertThat(bank.verifies(manifest, Keys.sign(NEW.getPrivate(), manifest), "k2026", at, at))
        .isFalse();
    assertThat(bank.verifies(manifest, Keys.sign(NEW.getPrivate(), manifest), "k2026b", at, at))
        .isFalse();
  }

  @Test
  void mapsALocalCodeWithTheVersionInForceOnTheDay() {
    assertThat(bank.unifiedCategory("ZY", LocalDate.of(2023, 12, 31))).isEmpty();
    assertThat(bank.unifiedCategory("ZY", LocalDate.of(2024, 1, 1))).contains("PERSONAL_CARE");
    assertThat(bank.unifiedCategory("ZY", LocalDate.of(2026, 6, 30))).contains("PERSONAL_CARE");
    assertThat(bank.unifiedCategory("ZY", LocalDate.of(2026, 7, 1))).isEmpty();
    assertThat(bank.unifiedCategory("ZY2", LocalDate.of(2026, 7, 1))).contains("PERSONAL_CARE");
    assertThat(bank.unifiedCategory("SHZL", LocalDate.of(2030, 1, 1))).contains("LIVING_ASSIST");
    assertThat(bank.mappingOn(LocalDate.of(2026, 7, 1)).orElseThrow().validFrom())
        .isEqualTo(LocalDate.of(2026, 7, 1));
  }

  @Test
  void refusesARegionOtherThanTheCodesDistrict() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("310110", AmountBasis.DURATION, Optional.empty(), KEYS, MAPPINGS))
        .withMessageContaining("region_code");
  }

  @Test
  void requiresCoinsPerHourExactlyForCoinsBanks() {
    assertThat(
            entry("310109", AmountBasis.COINS, Optional.of(BigDecimal.valueOf(6)), KEYS, MAPPINGS)
                .coinsPerHour())
        .contains(BigDecimal.valueOf(6));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("310109", AmountBasis.COINS, Optional.empty(), KEYS, MAPPINGS))
        .withMessageContaining("coins_per_hour");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                entry(
                    "310109", AmountBasis.PER_SERVICE, Optional.of(BigDecimal.ONE), KEYS, MAPPINGS))
        .withMessageContaining("coins_per_hour");
  }

  @Test
  void refusesDuplicateKeyIdsAndMappingDates() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                entry(
                    "310109",
                    AmountBasis.DURATION,
                    Optional.empty(),
                    List.of(
                        Keys.bankKey("k1", OLD, "2026-01-01", null),
                        Keys.bankKey("k1", NEW, "2026-02-01", null)),
                    MAPPINGS))
        .withMessageContaining("key_id");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                entry(
                    "310109",
                    AmountBasis.DURATION,
                    Optional.empty(),
                    KEYS,
                    List.of(
                        mapping("2024-01-01", Map.of("A", "ERRANDS")),
                        mapping("2024-01-01", Map.of("B", "ERRANDS")))))
        .withMessageContaining("category_mappings");
  }
}
