package cn.timebank.ingestion.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * New packages made from a simulated one, as a bank would make them: the same files in another ZIP
 * (other bytes, same content), or a correction (sequence 2) with one data file edited, its manifest
 * entry updated and the manifest signed again with the bank's private key from {@code keys/}.
 */
public final class PackageEdits {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PackageEdits() {}

  /** The same entries in reverse order: another sha256, the same content. */
  public static Path reordered(Path zip, Path target) {
    Map<String, byte[]> entries = entries(zip);
    List<String> names = new ArrayList<>(entries.keySet());
    Collections.reverse(names);
    Map<String, byte[]> reversed = new LinkedHashMap<>();
    names.forEach(name -> reversed.put(name, entries.get(name)));
    return write(reversed, target);
  }

  /**
   * A correction of {@code zip}: sequence {@code sequence}, {@code file} replaced by {@code edit}
   * of its text (lines and their ends kept as the edit leaves them), counted {@code records}.
   */
  public static Path correction(
      Path zip,
      int sequence,
      String file,
      UnaryOperator<String> edit,
      long records,
      Path keysDir,
      Path target) {
    Map<String, byte[]> entries = entries(zip);
    byte[] edited =
        edit.apply(new String(entries.get(file), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    entries.put(file, edited);
    ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
    manifest.put("sequence", sequence);
    manifest
        .withArray("files")
        .forEach(
            node -> {
              if (node.get("name").asString().equals(file)) {
                ((ObjectNode) node).put("sha256", sha256(edited));
                ((ObjectNode) node).put("records", records);
              }
            });
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    entries.put("manifest.json", manifestBytes);
    String bank = manifest.get("bank_code").asString();
    String keyId = manifest.get("key_id").asString();
    entries.put(
        "manifest.sig",
        Base64.getEncoder()
            .encode(sign(keysDir.resolve(bank + "." + keyId + ".pk8"), manifestBytes)));
    return write(entries, target);
  }

  /**
   * The same package without some records: per data file, the (1-based, physical) lines to leave
   * out, each a whole one-line record; the files are decoded and encoded again in the manifest's
   * encoding, their {@code records} and {@code sha256} updated, and the manifest signed again with
   * the bank's private key from {@code keysDir}.
   */
  public static Path withoutLines(
      Path zip, Map<String, java.util.Set<Long>> dropped, Path keysDir, Path target) {
    Map<String, byte[]> entries = entries(zip);
    ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
    java.nio.charset.Charset charset =
        java.nio.charset.Charset.forName(manifest.get("encoding").asString());
    manifest
        .withArray("files")
        .forEach(
            node -> {
              String name = node.get("name").asString();
              java.util.Set<Long> lines = dropped.getOrDefault(name, java.util.Set.of());
              if (lines.isEmpty()) {
                return;
              }
              String[] text = new String(entries.get(name), charset).split("(?<=\n)", -1);
              StringBuilder kept = new StringBuilder();
              for (int i = 0; i < text.length; i++) {
                if (!lines.contains((long) i + 1)) {
                  kept.append(text[i]);
                } else if (text[i].indexOf('"') >= 0 && name.endsWith(".csv")) {
                  throw new IllegalArgumentException(
                      name + " line " + (i + 1) + " is quoted: it may not be a whole record");
                }
              }
              byte[] edited = kept.toString().getBytes(charset);
              entries.put(name, edited);
              ((ObjectNode) node).put("sha256", sha256(edited));
              ((ObjectNode) node).put("records", node.get("records").asLong() - lines.size());
            });
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    entries.put("manifest.json", manifestBytes);
    String bank = manifest.get("bank_code").asString();
    String keyId = manifest.get("key_id").asString();
    entries.put(
        "manifest.sig",
        Base64.getEncoder()
            .encode(sign(keysDir.resolve(bank + "." + keyId + ".pk8"), manifestBytes)));
    return write(entries, target);
  }

  private static Map<String, byte[]> entries(Path zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        try (InputStream in = file.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static Path write(Map<String, byte[]> entries, Path target) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          out.putNextEntry(new ZipEntry(entry.getKey()));
          out.write(entry.getValue());
          out.closeEntry();
        }
      }
      Files.createDirectories(target.getParent());
      Files.write(target, bytes.toByteArray());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sign(Path key, byte[] data) {
    try {
      PrivateKey privateKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(
                      Base64.getDecoder().decode(Files.readString(key).strip())));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
