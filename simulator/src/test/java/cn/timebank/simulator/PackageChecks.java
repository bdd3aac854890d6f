package cn.timebank.simulator;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The stateless package checks of spec §4 in their order (P001-P006, P008-P010), written from the
 * spec for the tests: the first one that fails, or empty. P007, P011 and P012 need the regulator's
 * history and are not checked here.
 */
final class PackageChecks {

  static final Set<String> SERVICE_COLUMNS =
      Set.of(
          "service_ref",
          "provider_ref",
          "recipient_ref",
          "local_category",
          "start",
          "end",
          "local_amount",
          "funding",
          "status",
          "verification",
          "rating",
          "location_region",
          "recorded_at");
  static final Set<String> PARTICIPANT_COLUMNS =
      Set.of(
          "participant_ref",
          "id_type",
          "id_number",
          "name",
          "gender",
          "birth_date",
          "region_code",
          "roles",
          "registered_on",
          "status",
          "status_date",
          "lives_alone",
          "low_income",
          "disability_level",
          "certificates");
  static final Set<String> TRANSACTION_COLUMNS =
      Set.of(
          "txn_ref",
          "type",
          "participant_ref",
          "counterparty_ref",
          "counterparty_bank",
          "standard_minutes",
          "occurred_at",
          "reverses_ref",
          "note");

  private PackageChecks() {}

  static Optional<String> firstFailure(DeliveredPackage pkg, JsonNode registry, YearMonth now) {
    JsonNode manifest;
    try {
      manifest = pkg.manifest();
      manifest.get("bank_code").asString();
      manifest.get("files").size();
    } catch (RuntimeException e) {
      return Optional.of("P001");
    }
    JsonNode bank = bank(registry, manifest.get("bank_code").asString());
    if (bank == null || !verifies(pkg, bank, manifest.get("key_id").asString())) {
      return Optional.of("P002");
    }
    if (!bank.get("status").asString().equals("ACTIVE")) {
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
    if (period.isAfter(now)
        || period
            .atEndOfMonth()
            .isBefore(java.time.LocalDate.parse(bank.get("registered_since").asString()))) {
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
      if (name.endsWith(".csv")) {
        Set<String> required =
            switch (f.get("type").asString()) {
              case "SERVICES" -> SERVICE_COLUMNS;
              case "PARTICIPANTS" -> PARTICIPANT_COLUMNS;
              default -> TRANSACTION_COLUMNS;
            };
        List<String> header = pkg.header(name);
        if (!header.containsAll(required) || new HashSet<>(header).size() != header.size()) {
          return Optional.of("P010");
        }
      }
    }
    return Optional.empty();
  }

  static JsonNode bank(JsonNode registry, String code) {
    for (JsonNode b : registry.get("banks")) {
      if (b.get("bank_code").asString().equals(code)) {
        return b;
      }
    }
    return null;
  }

  static boolean verifies(DeliveredPackage pkg, JsonNode bank, String keyId) {
    try {
      for (JsonNode key : bank.get("keys")) {
        if (!key.get("key_id").asString().equals(keyId)) {
          continue;
        }
        PublicKey publicKey =
            KeyFactory.getInstance("Ed25519")
                .generatePublic(
                    new X509EncodedKeySpec(
                        Base64.getDecoder().decode(key.get("ed25519_public_key").asString())));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(publicKey);
        signature.update(pkg.files().get("manifest.json"));
        String sig = new String(pkg.files().get("manifest.sig"), StandardCharsets.US_ASCII).trim();
        return signature.verify(Base64.getDecoder().decode(sig));
      }
      return false;
    } catch (Exception e) {
      return false;
    }
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
