package cn.timebank.standards.registry;

import cn.timebank.standards.model.Timestamps;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * One of a bank's registered Ed25519 public keys (spec §7), valid from {@code validFrom} to {@code
 * validTo} inclusive (open-ended when empty). Dates are Asia/Shanghai calendar days.
 */
public record BankKey(
    String keyId, PublicKey publicKey, LocalDate validFrom, Optional<LocalDate> validTo) {

  public BankKey {
    if (keyId == null || keyId.isBlank() || keyId.length() > 64 || !keyId.equals(keyId.strip())) {
      throw new IllegalArgumentException(
          "key_id must be 1 to 64 characters, no surrounding blanks");
    }
    if (!isEd25519(publicKey)) {
      throw new IllegalArgumentException("ed25519_public_key must be an Ed25519 public key");
    }
    if (validFrom == null) {
      throw new IllegalArgumentException("valid_from is required");
    }
    if (validTo == null) {
      throw new IllegalArgumentException("valid_to must be Optional.empty(), not null");
    }
    if (validTo.isPresent() && validTo.get().isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "valid_to " + validTo.get() + " is before valid_from " + validFrom);
    }
  }

  /** A key from the registry file's base64 X.509 SubjectPublicKeyInfo text. */
  public static BankKey of(
      String keyId, String base64PublicKey, LocalDate validFrom, Optional<LocalDate> validTo) {
    return new BankKey(keyId, ed25519FromBase64(base64PublicKey), validFrom, validTo);
  }

  /**
   * Decodes a base64 X.509 SubjectPublicKeyInfo holding an Ed25519 key ({@code MCowBQYDK2VwAyEA…}).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static PublicKey ed25519FromBase64(String base64) {
    if (base64 == null) {
      throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key");
    }
    try {
      byte[] encoded = Base64.getDecoder().decode(base64.strip());
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
      if (!isEd25519(key)) {
        throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key");
      }
      return key;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
    }
  }

  /** The key as the registry file writes it: base64 of its X.509 encoding. */
  public String base64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /** True when the key is valid on this day. */
  public boolean coversDate(LocalDate day) {
    return !day.isBefore(validFrom) && validTo.map(to -> !day.isAfter(to)).orElse(true);
  }

  /** True when the key is valid on the Asia/Shanghai day of this instant. */
  public boolean covers(Instant instant) {
    return coversDate(Timestamps.toLocal(instant).toLocalDate());
  }

  /**
   * True when {@code signature} is this key's Ed25519 signature over exactly {@code data}; a
   * malformed signature is simply false. Validity dates are not looked at here.
   */
  public boolean verifies(byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean isEd25519(PublicKey key) {
    return key instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
  }

  @Override
  public String toString() {
    return "BankKey["
        + keyId
        + ", "
        + validFrom
        + " to "
        + validTo.map(String::valueOf).orElse("open")
        + "]";
  }
}
