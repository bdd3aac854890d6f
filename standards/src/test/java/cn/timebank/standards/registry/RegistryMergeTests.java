package cn.timebank.standards.registry;

import static cn.timebank.standards.registry.BankRegistryEntryTests.mapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryMergeTests {

  private static final KeyPair K1 = Keys.ed25519();
  private static final KeyPair K2 = Keys.ed25519();

  private static BankRegistryEntry bank(
      String code,
      String name,
      BankStatus status,
      AmountBasis basis,
      List<BankKey> keys,
      List<CategoryMapping> mappings) {
    BankCode bankCode = BankCode.of(code);
    return new BankRegistryEntry(
        bankCode,
        name,
        bankCode.districtCode(),
        status,
        LocalDate.of(2024, 1, 1),
        basis,
        basis == AmountBasis.COINS ? Optional.of(BigDecimal.valueOf(6)) : Optional.empty(),
        keys,
        mappings);
  }

  private final BankRegistryEntry current =
      bank(
          "310109-001",
          "旧名",
          BankStatus.ACTIVE,
          AmountBasis.DURATION,
          List.of(Keys.bankKey("k2025", K1, "2025-01-01", null)),
          List.of(mapping("2024-01-01", Map.of("SHZL", "LIVING_ASSIST", "ZY", "PERSONAL_CARE"))));

  @Test
  void replacesTheEntryButKeepsTheDatedHistoryOfKeysAndMappings() {
    BankRegistryEntry imported =
        bank(
            "310109-001",
            "新名",
            BankStatus.SUSPENDED,
            AmountBasis.COINS,
            List.of(Keys.bankKey("k2026", K2, "2026-01-01", null)),
            List.of(mapping("2026-07-01", Map.of("SHZL", "LIVING_ASSIST"))));

    BankRegistryEntry merged = RegistryMerge.merge(current, imported);

    assertThat(merged.name()).isEqualTo("新名");
    assertThat(merged.status()).isEqualTo(BankStatus.SUSPENDED);
    assertThat(merged.amountBasis()).isEqualTo(AmountBasis.COINS);
    assertThat(merged.coinsPerHour()).contains(BigDecimal.valueOf(6));
    assertThat(merged.keys()).extracting(BankKey::keyId).containsExactly("k2025", "k2026");
    assertThat(merged.unifiedCategory("ZY", LocalDate.of(2025, 5, 1))).contains("PERSONAL_CARE");
    assertThat(merged.unifiedCategory("ZY", LocalDate.of(2026, 7, 1))).isEmpty();
  }

  @Test
  void letsTheImportedFileWinOnTheSameKeyIdOrMappingDate() {
    BankRegistryEntry imported =
        bank(
            "310109-001",
            "旧名",
            BankStatus.ACTIVE,
            AmountBasis.DURATION,
            List.of(Keys.bankKey("k2025", K1, "2025-01-01", "2026-03-31")),
            List.of(mapping("2024-01-01", Map.of("SHZL", "ERRANDS"))));

    BankRegistryEntry merged = RegistryMerge.merge(current, imported);

    assertThat(merged.keys())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.validTo()).contains(LocalDate.of(2026, 3, 31));
            });
    assertThat(merged.categoryMappings())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.codes()).containsExactly(Map.entry("SHZL", "ERRANDS"));
            });
  }

  @Test
  void mergesARegistryLeavingOtherBanksAloneAndAddingNewOnes() {
    BankRegistryEntry other =
        bank(
            "430102-001",
            "长沙",
            BankStatus.ACTIVE,
            AmountBasis.COINS,
            List.of(Keys.bankKey("c1", K2, "2024-01-01", null)),
            List.of(mapping("2024-01-01", Map.of("A", "ERRANDS"))));
    BankRegistryEntry added =
        bank(
            "110105-001",
            "朝阳",
            BankStatus.ACTIVE,
            AmountBasis.PER_SERVICE,
            List.of(Keys.bankKey("b1", K1, "2024-01-01", null)),
            List.of(mapping("2024-01-01", Map.of("B", "ERRANDS"))));
    BankRegistryEntry reimported =
        bank(
            "310109-001",
            "新名",
            BankStatus.ACTIVE,
            AmountBasis.DURATION,
            List.of(Keys.bankKey("k2026", K2, "2026-01-01", null)),
            List.of(mapping("2024-01-01", Map.of("SHZL", "LIVING_ASSIST"))));

    List<BankRegistryEntry> merged =
        RegistryMerge.merge(List.of(current, other), List.of(reimported, added));

    assertThat(merged)
        .extracting(e -> e.bankCode().value())
        .containsExactly("110105-001", "310109-001", "430102-001");
    assertThat(merged.get(1).keys()).hasSize(2);
    assertThat(merged.get(2)).isEqualTo(other);
    assertThat(merged.get(0)).isEqualTo(added);
  }

  @Test
  void refusesToMergeDifferentBanks() {
    BankRegistryEntry other =
        bank(
            "310109-002",
            "另一家",
            BankStatus.ACTIVE,
            AmountBasis.DURATION,
            current.keys(),
            current.categoryMappings());

    assertThatIllegalArgumentException().isThrownBy(() -> RegistryMerge.merge(current, other));
  }
}
