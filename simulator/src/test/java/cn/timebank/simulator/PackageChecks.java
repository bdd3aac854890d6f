package cn.timebank.simulator;

import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.Timestamps;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The stateless package checks of spec §4 in their order (P001-P006, P008-P010) for the tests, with
 * {@code standards}' registry entries (keys, status) and column lists: the first one that fails, or
 * empty. P007, P011 and P012 need the regulator's history and are not checked here.
 */
final class PackageChecks {

  private PackageChecks() {}

  static Optional<String> firstFailure(
      DeliveredPackage pkg, Map<String, BankRegistryEntry> registry, YearMonth now) {
    JsonNode manifest;
    try {
      manifest = pkg.manifest();
      manifest.get("bank_code").asString();
      manifest.get("files").size();
    } catch (RuntimeException e) {
      return Optional.of("P001");
    }
    BankRegistryEntry bank = registry.get(manifest.get("bank_code").asString());
    Instant generatedAt;
    try {
      generatedAt = Timestamps.parseInstant(manifest.get("generated_at").asString());
    } catch (RuntimeException e) {
      return Optional.of("P001");
    }
    if (bank == null
        || !verifies(pkg, bank, manifest.get("key_id").asString(), generatedAt, generatedAt)) {
      return Optional.of("P002");
    }
    if (bank.status() != BankStatus.ACTIVE) {
      return Optional.of("P003");
    }
    for (JsonNode f : manifest.get("files")) {
      byte[] bytes = pkg.files().get(f.get("name").asString());
      if (bytes == null || !sha256(bytes).equals(f.get("sha256").asString())) {
        return Optional.of("P004");
      }
    }
    for (JsonNode f : manifest.get("files")) {
      String name = f.get("name").asString();
      long lines = countLines(pkg.files().get(name)) - (name.endsWith(".csv") ? 1 : 0);
      if (lines != f.get("records").asInt()) {
        return Optional.of("P005");
      }
    }
    YearMonth period = YearMonth.parse(manifest.get("period").asString());
    if (period.isAfter(now) || period.atEndOfMonth().isBefore(bank.registeredSince())) {
      return Optional.of("P006");
    }
    for (JsonNode f : manifest.get("files")) {
      if (pkg.decode(f.get("name").asString()).isEmpty()) {
        return Optional.of("P008");
      }
    }
    Set<String> named = new HashSet<>(List.of("manifest.json", "manifest.sig"));
    manifest.get("files").forEach(f -> named.add(f.get("name").asString()));
    if (!named.equals(pkg.files().keySet())) {
      return Optional.of("P009");
    }
    for (JsonNode f : manifest.get("files")) {
      String name = f.get("name").asString();
      FileType type = FileType.valueOf(f.get("type").asString());
      if (name.endsWith(".csv") && type.headerProblem(pkg.header(name)).isPresent()) {
        return Optional.of("P010");
      }
    }
    return Optional.empty();
  }

  /**
   * The manifest signature verified with the key {@link BankRegistryEntry#keyFor} selects for the
   * generation and reception instants.
   */
  static boolean verifies(
      DeliveredPackage pkg,
      BankRegistryEntry bank,
      String keyId,
      Instant generatedAt,
      Instant receivedAt) {
    byte[] signature;
    try {
      String sig = new String(pkg.files().get("manifest.sig"), StandardCharsets.US_ASCII).trim();
      signature = Base64.getDecoder().decode(sig);
    } catch (RuntimeException e) {
      return false;
    }
    return bank.keyFor(keyId, generatedAt, receivedAt)
        .map(key -> key.verifies(pkg.files().get("manifest.json"), signature))
        .orElse(false);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countLines(byte[] bytes) {
    long n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }
}
