package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.Timestamps;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * P002 (spec §7): {@code manifest.sig} is there, is base64 (surrounding blanks and a final line end
 * allowed), and verifies over the exact bytes of {@code manifest.json} with the bank's key of id
 * {@code key_id} whose validity covers both {@code generated_at} and the receipt ({@link
 * BankRegistryEntry#keyFor}).
 */
final class SignatureCheck {

  /** Far more than the 88 characters of a base64 Ed25519 signature. */
  private static final int MAX_SIGNATURE_FILE = 4096;

  private SignatureCheck() {}

  static void check(
      OpenedPackage pkg,
      byte[] manifestBytes,
      Manifest manifest,
      BankRegistryEntry bank,
      Instant receivedAt)
      throws Rejection, IOException {
    if (!pkg.fileNames().contains(PackageNames.SIGNATURE)) {
      throw reject("manifest.sig is missing");
    }
    byte[] signature = decode(pkg);
    String keyId = manifest.keyId();
    BankKey key =
        bank.key(keyId)
            .orElseThrow(
                () ->
                    reject("bank " + bank.bankCode() + " has no key with key_id '" + keyId + "'"));
    if (bank.keyFor(keyId, manifest.generatedAt(), receivedAt).isEmpty()) {
      throw reject(
          "key "
              + keyId
              + " (valid "
              + key.validFrom()
              + " to "
              + key.validTo().map(String::valueOf).orElse("open")
              + ") does not cover both generated_at "
              + Timestamps.toLocal(manifest.generatedAt()).toLocalDate()
              + " and the receipt "
              + Timestamps.toLocal(receivedAt).toLocalDate());
    }
    if (!bank.verifies(manifestBytes, signature, keyId, manifest.generatedAt(), receivedAt)) {
      throw reject("the signature does not verify with key '" + keyId + "'");
    }
  }

  private static byte[] decode(OpenedPackage pkg) throws Rejection, IOException {
    byte[] text;
    try (InputStream in = pkg.open(PackageNames.SIGNATURE)) {
      text = in.readNBytes(MAX_SIGNATURE_FILE + 1);
    }
    if (text.length > MAX_SIGNATURE_FILE) {
      throw reject("manifest.sig is longer than " + MAX_SIGNATURE_FILE + " bytes");
    }
    try {
      return Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw reject("manifest.sig is not base64");
    }
  }

  private static Rejection reject(String detail) {
    return new Rejection(Rejected.inFile(ResultCode.P002, PackageNames.SIGNATURE, detail));
  }
}
