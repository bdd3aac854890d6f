package cn.timebank.standards.registry;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/** Real Ed25519 keys for tests. */
final class Keys {

  private Keys() {}

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base64(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static BankKey bankKey(String id, KeyPair pair, String from, String to) {
    return new BankKey(
        id, pair.getPublic(), LocalDate.parse(from), Optional.ofNullable(to).map(LocalDate::parse));
  }
}
