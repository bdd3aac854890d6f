package cn.timebank.standards.registry;

import cn.timebank.standards.data.DataFileException;
import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.data.StrictNode;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the registry file of spec §7: {@code {"banks": [...]}}, one entry per bank. Unknown keys
 * are refused, and every error about a bank names it, by its code or, when the code itself is
 * wrong, by its index, then the field:
 *
 * <pre>
 * registry.json: bank 310109-001: keys[0].ed25519_public_key: not a base64 X.509 Ed25519 public key
 * registry.json: bank at index 2: bank_code: must be 6 digits, a dash and 3 digits (was '31010-001')
 * </pre>
 *
 * <p>Besides the shapes: {@code region_code} must equal the code's first 6 digits; {@code
 * coins_per_hour} is a positive number for COINS and null otherwise; key ids are distinct within a
 * bank, {@code valid_to} is not before {@code valid_from}; mapping versions have distinct {@code
 * valid_from} dates; with a catalogue given, every mapped unified code must be in it; a bank code
 * appears once per file; a file lists at least one bank, a bank at least one key and one mapping.
 */
public final class RegistryFile {

  private RegistryFile() {}

  /** Reads a file, checking mapped unified codes only for their shape. */
  public static List<BankRegistryEntry> read(Path file) {
    return parse(DataFiles.readFile(file), code -> true);
  }

  /** Reads a file; every mapped unified code must be one of {@code knownCategories}. */
  public static List<BankRegistryEntry> read(Path file, Set<String> knownCategories) {
    return parse(DataFiles.readFile(file), Set.copyOf(knownCategories)::contains);
  }

  /** Reads a stream; {@code name} names the file in errors. */
  public static List<BankRegistryEntry> read(String name, InputStream in) {
    return parse(DataFiles.read(name, in), code -> true);
  }

  /** Reads a stream; every mapped unified code must be one of {@code knownCategories}. */
  public static List<BankRegistryEntry> read(
      String name, InputStream in, Set<String> knownCategories) {
    return parse(DataFiles.read(name, in), Set.copyOf(knownCategories)::contains);
  }

  private static List<BankRegistryEntry> parse(StrictNode root, Predicate<String> knownCategory) {
    StrictNode banksNode = root.get("banks");
    root.noOtherKeys();
    List<StrictNode> banks = banksNode.elements();
    if (banks.isEmpty()) {
      throw banksNode.error("must list at least one bank");
    }
    Map<BankCode, Integer> seen = new HashMap<>();
    List<BankRegistryEntry> entries = new ArrayList<>();
    for (int i = 0; i < banks.size(); i++) {
      StrictNode node = banks.get(i);
      BankCode code = bankCode(node, i);
      String label = "bank " + code;
      Integer earlier = seen.putIfAbsent(code, i);
      if (earlier != null) {
        throw new DataFileException(
            node.file(),
            label + ": bank_code",
            "appears twice in the file (banks[" + earlier + "] and banks[" + i + "])");
      }
      try {
        entries.add(bank(node, code, knownCategory));
      } catch (DataFileException e) {
        throw relabel(e, node.path(), label);
      }
    }
    return List.copyOf(entries);
  }

  private static BankCode bankCode(StrictNode node, int index) {
    String label = "bank at index " + index;
    try {
      StrictNode codeNode = node.get("bank_code");
      String text = codeNode.asText();
      if (!BankCode.isValid(text)) {
        throw codeNode.error("must be 6 digits, a dash and 3 digits (was '" + text + "')");
      }
      return BankCode.of(text);
    } catch (DataFileException e) {
      throw relabel(e, node.path(), label);
    }
  }

  private static BankRegistryEntry bank(
      StrictNode node, BankCode code, Predicate<String> knownCategory) {
    String name = node.get("name").asText();
    StrictNode regionNode = node.get("region_code");
    String region = regionNode.asText();
    if (!region.equals(code.districtCode())) {
      throw regionNode.error(
          "must equal the first 6 digits of bank_code ("
              + code.districtCode()
              + "), was '"
              + region
              + "'");
    }
    BankStatus status = node.get("status").asEnum(BankStatus.class);
    LocalDate since = node.get("registered_since").asDate();
    AmountBasis basis = node.get("amount_basis").asEnum(AmountBasis.class);
    Optional<BigDecimal> coins = coinsPerHour(node, basis);
    List<BankKey> keys = keys(node.get("keys"));
    List<CategoryMapping> mappings = mappings(node.get("category_mappings"), knownCategory);
    node.noOtherKeys();
    try {
      return new BankRegistryEntry(code, name, region, status, since, basis, coins, keys, mappings);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static Optional<BigDecimal> coinsPerHour(StrictNode bank, AmountBasis basis) {
    Optional<StrictNode> node = bank.optional("coins_per_hour");
    if (basis != AmountBasis.COINS) {
      if (node.isPresent()) {
        throw node.get().error("must be null unless amount_basis is COINS (was " + basis + ")");
      }
      return Optional.empty();
    }
    if (node.isEmpty()) {
      throw new DataFileException(
          bank.file(), bank.path() + ".coins_per_hour", "is required when amount_basis is COINS");
    }
    BigDecimal coins = node.get().asDecimal();
    if (coins.signum() <= 0) {
      throw node.get().error("must be a positive number (was " + coins.toPlainString() + ")");
    }
    return Optional.of(coins);
  }

  private static List<BankKey> keys(StrictNode keysNode) {
    List<StrictNode> nodes = keysNode.elements();
    if (nodes.isEmpty()) {
      throw keysNode.error("must list at least one key");
    }
    Map<String, Integer> ids = new HashMap<>();
    List<BankKey> keys = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      StrictNode node = nodes.get(i);
      StrictNode idNode = node.get("key_id");
      String id = idNode.asText();
      Integer earlier = ids.putIfAbsent(id, i);
      if (earlier != null) {
        throw idNode.error("duplicate key id '" + id + "' (also keys[" + earlier + "])");
      }
      StrictNode keyNode = node.get("ed25519_public_key");
      java.security.PublicKey publicKey;
      try {
        publicKey = BankKey.ed25519FromBase64(keyNode.asText());
      } catch (IllegalArgumentException e) {
        throw keyNode.error("not a base64 X.509 Ed25519 public key");
      }
      LocalDate from = node.get("valid_from").asDate();
      Optional<StrictNode> toNode = node.optional("valid_to");
      Optional<LocalDate> to = toNode.map(StrictNode::asDate);
      if (to.isPresent() && to.get().isBefore(from)) {
        throw toNode.get().error("is before valid_from " + from + " (was " + to.get() + ")");
      }
      node.noOtherKeys();
      try {
        keys.add(new BankKey(id, publicKey, from, to));
      } catch (IllegalArgumentException e) {
        throw node.error(e.getMessage());
      }
    }
    return keys;
  }

  private static List<CategoryMapping> mappings(
      StrictNode mappingsNode, Predicate<String> knownCategory) {
    List<StrictNode> nodes = mappingsNode.elements();
    if (nodes.isEmpty()) {
      throw mappingsNode.error("must list at least one mapping version");
    }
    Map<LocalDate, Integer> dates = new HashMap<>();
    List<CategoryMapping> mappings = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      StrictNode node = nodes.get(i);
      StrictNode fromNode = node.get("valid_from");
      LocalDate from = fromNode.asDate();
      Integer earlier = dates.putIfAbsent(from, i);
      if (earlier != null) {
        throw fromNode.error(
            "overlaps category_mappings[" + earlier + "]: both are valid from " + from);
      }
      StrictNode codesNode = node.get("codes");
      Map<String, String> codes = new LinkedHashMap<>();
      for (Map.Entry<String, StrictNode> entry : codesNode.entries().entrySet()) {
        if (!CategoryMapping.isLocalCode(entry.getKey())) {
          throw entry.getValue().error("a local code is 1 to 64 characters, no blanks around");
        }
        String unified = entry.getValue().asText();
        if (!CategoryMapping.UNIFIED.matcher(unified).matches()) {
          throw entry.getValue().error("not a unified category code (was '" + unified + "')");
        }
        if (!knownCategory.test(unified)) {
          throw entry.getValue().error("unknown unified category '" + unified + "'");
        }
        codes.put(entry.getKey(), unified);
      }
      if (codes.isEmpty()) {
        throw codesNode.error("must map at least one local code");
      }
      node.noOtherKeys();
      mappings.add(new CategoryMapping(from, codes));
    }
    return mappings;
  }

  /**
   * The same error with the bank's label in place of its JSON path: {@code $.banks[0].keys[1].x}
   * becomes {@code bank 310109-001: keys[1].x}.
   */
  private static DataFileException relabel(DataFileException e, String bankPath, String label) {
    String path = e.path();
    String inside = path.startsWith(bankPath) ? path.substring(bankPath.length()) : path;
    if (inside.startsWith(".")) {
      inside = inside.substring(1);
    }
    String where = inside.isEmpty() ? label : label + ": " + inside;
    return new DataFileException(e.file(), where, e.problem(), e);
  }
}
