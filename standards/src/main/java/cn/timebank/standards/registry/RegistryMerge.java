package cn.timebank.standards.registry;

import cn.timebank.standards.model.BankCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Importing a bank again (spec §7): the imported entry replaces name, region, status, registration
 * date, amount basis and coins per hour, while keys and category mappings keep their dated history:
 * the union of old and new, by {@code key_id} and by {@code valid_from}, the imported one winning
 * on conflict. So a key is retired by importing it again with a {@code valid_to}, and a mapping
 * version is corrected by importing the same {@code valid_from} again. Pure functions.
 */
public final class RegistryMerge {

  private RegistryMerge() {}

  /** The entry after importing {@code imported} over {@code current}; same bank only. */
  public static BankRegistryEntry merge(BankRegistryEntry current, BankRegistryEntry imported) {
    if (!current.bankCode().equals(imported.bankCode())) {
      throw new IllegalArgumentException(
          "cannot merge bank " + imported.bankCode() + " into bank " + current.bankCode());
    }
    Map<String, BankKey> keys = new LinkedHashMap<>();
    current.keys().forEach(key -> keys.put(key.keyId(), key));
    imported.keys().forEach(key -> keys.put(key.keyId(), key));
    Map<LocalDate, CategoryMapping> mappings = new TreeMap<>();
    current.categoryMappings().forEach(m -> mappings.put(m.validFrom(), m));
    imported.categoryMappings().forEach(m -> mappings.put(m.validFrom(), m));
    return new BankRegistryEntry(
        imported.bankCode(),
        imported.name(),
        imported.regionCode(),
        imported.status(),
        imported.registeredSince(),
        imported.amountBasis(),
        imported.coinsPerHour(),
        new ArrayList<>(keys.values()),
        new ArrayList<>(mappings.values()));
  }

  /**
   * The registry after an import: every imported bank merged over its current entry (or added),
   * every other bank unchanged; ordered by bank code.
   */
  public static List<BankRegistryEntry> merge(
      Collection<BankRegistryEntry> current, Collection<BankRegistryEntry> imported) {
    Map<BankCode, BankRegistryEntry> banks = new TreeMap<>();
    current.forEach(entry -> banks.put(entry.bankCode(), entry));
    for (BankRegistryEntry entry : imported) {
      banks.merge(entry.bankCode(), entry, RegistryMerge::merge);
    }
    return List.copyOf(banks.values());
  }
}
