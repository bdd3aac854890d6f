package cn.timebank.standards.registry;

import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registered bank (spec §1, §7). Keys are kept sorted by {@code validFrom} then id, mappings by
 * {@code validFrom}.
 *
 * <p>Invariants: {@code regionCode} equals the bank code's first 6 digits (decision: an error, not
 * a warning — a bank is run by the district its code names); {@code coinsPerHour} is present, and
 * positive, exactly when the basis is COINS; at least one key, with distinct ids; at least one
 * mapping, with distinct {@code validFrom} dates (a version runs until the next one starts, so two
 * versions of the same date would overlap).
 */
public record BankRegistryEntry(
    BankCode bankCode,
    String name,
    String regionCode,
    BankStatus status,
    LocalDate registeredSince,
    AmountBasis amountBasis,
    Optional<BigDecimal> coinsPerHour,
    List<BankKey> keys,
    List<CategoryMapping> categoryMappings) {

  public BankRegistryEntry {
    require(bankCode, "bank_code");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (regionCode == null || !regionCode.equals(bankCode.districtCode())) {
      throw new IllegalArgumentException(
          "region_code must equal the first 6 digits of bank_code ("
              + bankCode.districtCode()
              + "), was "
              + regionCode);
    }
    require(status, "status");
    require(registeredSince, "registered_since");
    require(amountBasis, "amount_basis");
    require(coinsPerHour, "coins_per_hour");
    if (amountBasis == AmountBasis.COINS) {
      if (coinsPerHour.isEmpty() || coinsPerHour.get().signum() <= 0) {
        throw new IllegalArgumentException(
            "coins_per_hour must be a positive number when amount_basis is COINS");
      }
    } else if (coinsPerHour.isPresent()) {
      throw new IllegalArgumentException(
          "coins_per_hour must be null unless amount_basis is COINS (was " + amountBasis + ")");
    }
    require(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must list at least one key");
    }
    Set<String> ids = new HashSet<>();
    for (BankKey key : keys) {
      if (!ids.add(require(key, "keys").keyId())) {
        throw new IllegalArgumentException("keys: duplicate key_id " + key.keyId());
      }
    }
    require(categoryMappings, "category_mappings");
    if (categoryMappings.isEmpty()) {
      throw new IllegalArgumentException("category_mappings must list at least one version");
    }
    Set<LocalDate> dates = new HashSet<>();
    for (CategoryMapping mapping : categoryMappings) {
      if (!dates.add(require(mapping, "category_mappings").validFrom())) {
        throw new IllegalArgumentException(
            "category_mappings: two versions valid from " + mapping.validFrom());
      }
    }
    List<BankKey> sortedKeys = new ArrayList<>(keys);
    sortedKeys.sort(Comparator.comparing(BankKey::validFrom).thenComparing(BankKey::keyId));
    keys = List.copyOf(sortedKeys);
    List<CategoryMapping> sortedMappings = new ArrayList<>(categoryMappings);
    sortedMappings.sort(Comparator.comparing(CategoryMapping::validFrom));
    categoryMappings = List.copyOf(sortedMappings);
  }

  /** The key of this id, whatever its dates. */
  public Optional<BankKey> key(String keyId) {
    return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
  }

  /**
   * The key a package's signature must verify with (spec §7): the one of id {@code keyId} valid on
   * both the day the package was generated and the day it was received (Asia/Shanghai days). Empty
   * means P002.
   */
  public Optional<BankKey> keyFor(String keyId, Instant generatedAt, Instant receivedAt) {
    return key(keyId).filter(key -> key.covers(generatedAt) && key.covers(receivedAt));
  }

  /**
   * True when {@code signature} verifies over {@code data} with the key {@link #keyFor} selects.
   */
  public boolean verifies(
      byte[] data, byte[] signature, String keyId, Instant generatedAt, Instant receivedAt) {
    return keyFor(keyId, generatedAt, receivedAt)
        .map(key -> key.verifies(data, signature))
        .orElse(false);
  }

  /** The mapping version in force on a day: the latest one valid from that day or before. */
  public Optional<CategoryMapping> mappingOn(LocalDate day) {
    CategoryMapping inForce = null;
    for (CategoryMapping mapping : categoryMappings) {
      if (mapping.validFrom().isAfter(day)) {
        break;
      }
      inForce = mapping;
    }
    return Optional.ofNullable(inForce);
  }

  /** The unified category of a local code on a day; empty means R105. */
  public Optional<String> unifiedCategory(String localCode, LocalDate onDate) {
    return mappingOn(onDate).flatMap(mapping -> mapping.unified(localCode));
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
