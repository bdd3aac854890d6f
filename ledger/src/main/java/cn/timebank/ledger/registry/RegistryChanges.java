package cn.timebank.ledger.registry;

import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an import changed in a bank's registry entry, as short lines for the audit trail: {@code
 * status ACTIVE → SUSPENDED}, {@code key k2027 added (valid 2026-12-01 – open)}, {@code key k2026
 * valid_to open → 2026-12-31}, {@code category mapping from 2026-12-01 added}. A new bank is
 * described whole.
 */
final class RegistryChanges {

  /** The one line of an import that changed nothing. */
  static final String NOTHING_CHANGED = "imported again, nothing changed";

  private RegistryChanges() {}

  static List<String> of(Optional<BankRegistryEntry> before, BankRegistryEntry after) {
    if (before.isEmpty()) {
      return List.of(
          "registered: "
              + after.name()
              + ", region "
              + after.regionCode()
              + ", "
              + after.status()
              + ", "
              + after.amountBasis()
              + ", since "
              + after.registeredSince()
              + ", keys "
              + after.keys().stream().map(RegistryChanges::key).collect(Collectors.joining(", "))
              + ", "
              + after.categoryMappings().size()
              + " category mapping(s)");
    }
    BankRegistryEntry old = before.get();
    List<String> changes = new ArrayList<>();
    compare(changes, "name", old.name(), after.name());
    compare(changes, "region", old.regionCode(), after.regionCode());
    compare(changes, "status", old.status(), after.status());
    compare(changes, "registered_since", old.registeredSince(), after.registeredSince());
    compare(changes, "amount_basis", old.amountBasis(), after.amountBasis());
    compare(
        changes,
        "coins_per_hour",
        old.coinsPerHour().map(c -> c.stripTrailingZeros().toPlainString()).orElse("-"),
        after.coinsPerHour().map(c -> c.stripTrailingZeros().toPlainString()).orElse("-"));
    Map<String, BankKey> oldKeys = byId(old.keys(), BankKey::keyId);
    for (BankKey key : after.keys()) {
      BankKey was = oldKeys.get(key.keyId());
      if (was == null) {
        changes.add("key " + key(key) + " added");
      } else {
        compare(changes, "key " + key.keyId() + " valid_from", was.validFrom(), key.validFrom());
        compare(changes, "key " + key.keyId() + " valid_to", to(was), to(key));
        if (!was.publicKey().equals(key.publicKey())) {
          changes.add("key " + key.keyId() + " public key replaced");
        }
      }
    }
    Map<String, CategoryMapping> oldMappings =
        byId(old.categoryMappings(), m -> m.validFrom().toString());
    for (CategoryMapping mapping : after.categoryMappings()) {
      CategoryMapping was = oldMappings.get(mapping.validFrom().toString());
      if (was == null) {
        changes.add("category mapping from " + mapping.validFrom() + " added");
      } else if (!was.codes().equals(mapping.codes())) {
        changes.add("category mapping from " + mapping.validFrom() + " changed");
      }
    }
    return changes.isEmpty() ? List.of(NOTHING_CHANGED) : changes;
  }

  private static void compare(List<String> changes, String what, Object was, Object now) {
    if (!Objects.equals(was, now)) {
      changes.add(what + " " + was + " → " + now);
    }
  }

  private static String key(BankKey key) {
    return key.keyId() + " (valid " + key.validFrom() + " – " + to(key) + ")";
  }

  private static String to(BankKey key) {
    return key.validTo().map(Object::toString).orElse("open");
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> b));
  }
}
