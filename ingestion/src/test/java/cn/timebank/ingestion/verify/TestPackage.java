package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.FileType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds signed test packages: a good one by default (bank 310109-001, period 2026-10, sequence 1,
 * key k2026, a SERVICES CSV of 2 records and a TRANSACTIONS JSON Lines file of 1), which a test
 * then spoils in one way. Written as a ZIP or a folder.
 */
final class TestPackage {

  static final KeyPair KEYS = ed25519();

  static final String SERVICES_HEADER = String.join(",", FileType.SERVICES.columns());

  static final String SERVICES_CSV =
      SERVICES_HEADER
          + "\n"
          + "S001,P1,P2,SHZL,2026-10-05T09:00:00,2026-10-05T10:40:00,,ISSUED,COMPLETED,"
          + "SIGN_IN_OUT,5,310109,2026-10-05T11:00:00\n"
          + "S002,P1,P2,SHZL,2026-10-06T09:00:00,2026-10-06T10:00:00,,ISSUED,COMPLETED,"
          + "SIGN_IN_OUT,,310109,\n";

  static final String TRANSACTIONS_JSONL =
      "{\"txn_ref\":\"T1\",\"type\":\"GIFT\",\"participant_ref\":\"P1\","
          + "\"counterparty_ref\":\"P2\",\"standard_minutes\":60,"
          + "\"occurred_at\":\"2026-10-07T10:00:00\"}\n";

  private final Map<String, Object> manifest = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<Map<String, Object>> entries = new ArrayList<>();
  private final Map<String, byte[]> extras = new LinkedHashMap<>();
  private PrivateKey signer = KEYS.getPrivate();
  private byte[] manifestOverride;
  private boolean signed = true;

  TestPackage() {
    manifest.put("format_version", "1.0");
    manifest.put("bank_code", "310109-001");
    manifest.put("period", "2026-10");
    manifest.put("sequence", 1);
    manifest.put("key_id", "k2026");
    manifest.put("generated_at", "2026-11-03T10:15:00+08:00");
    manifest.put("encoding", "UTF-8");
    manifest.put("files", entries);
  }

  /** The good package: services.csv (2 records) and transactions.jsonl (1 record). */
  static TestPackage good() {
    return new TestPackage()
        .file("services.csv", "SERVICES", SERVICES_CSV, 2)
        .file("transactions.jsonl", "TRANSACTIONS", TRANSACTIONS_JSONL, 1);
  }

  TestPackage file(String name, String type, String content, long records) {
    return file(name, type, content.getBytes(StandardCharsets.UTF_8), records);
  }

  TestPackage file(String name, String type, byte[] content, long records) {
    files.put(name, content);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("type", type);
    entry.put("records", records);
    entry.put("sha256", sha256(content));
    entries.add(entry);
    return this;
  }

  /** Sets (or, with null, removes) a manifest field. */
  TestPackage set(String key, Object value) {
    if (value == null) {
      manifest.remove(key);
    } else {
      manifest.put(key, value);
    }
    return this;
  }

  /** Changes a field of the manifest entry of a file. */
  TestPackage setFileEntry(String name, String key, Object value) {
    entries.stream()
        .filter(e -> e.get("name").equals(name))
        .findFirst()
        .orElseThrow()
        .put(key, value);
    return this;
  }

  /** Replaces a file's bytes after the manifest took its digest. */
  TestPackage tamper(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  TestPackage without(String name) {
    files.remove(name);
    return this;
  }

  TestPackage extra(String name, byte[] content) {
    extras.put(name, content);
    return this;
  }

  TestPackage signedWith(KeyPair keys) {
    signer = keys.getPrivate();
    return this;
  }

  TestPackage unsigned() {
    signed = false;
    return this;
  }

  TestPackage rawManifest(String json) {
    manifestOverride = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  byte[] manifestBytes() {
    return manifestOverride != null
        ? manifestOverride
        : JsonMapper.builder().build().writeValueAsBytes(manifest);
  }

  /** Every file of the package, in writing order. */
  Map<String, byte[]> contents() {
    Map<String, byte[]> all = new LinkedHashMap<>();
    byte[] manifestBytes = manifestBytes();
    all.put("manifest.json", manifestBytes);
    if (signed) {
      all.put("manifest.sig", Base64.getEncoder().encode(sign(signer, manifestBytes)));
    }
    all.putAll(files);
    all.putAll(extras);
    return all;
  }

  Path writeZip(Path dir) {
    Path zip = dir.resolve("package-" + System.nanoTime() + ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : contents().entrySet()) {
        zipOut.putNextEntry(new ZipEntry(file.getKey()));
        zipOut.write(file.getValue());
        zipOut.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  Path writeFolder(Path dir) {
    Path folder = dir.resolve("package-" + System.nanoTime());
    try {
      Files.createDirectories(folder);
      for (Map.Entry<String, byte[]> file : contents().entrySet()) {
        Files.write(folder.resolve(file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
