package cn.timebank.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;

/**
 * Deterministic Ed25519 keys: the JDK key-pair generator draws the 32-byte private seed from a
 * {@link SecureRandom} whose bytes are a SHA-256 counter stream of a label, so the same label gives
 * the same key pair on every run (and the JDK derives the public key itself).
 */
final class Keys {

  private Keys() {}

  /** The key pair of a label such as {@code "seed=42/bank=310109-001/k2024"}. */
  static KeyPair derive(String label) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new LabelRandom(label));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  /** Base64 of the Ed25519 signature over {@code bytes}. */
  static String sign(PrivateKey key, byte[] bytes) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(bytes);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519", e);
    }
  }

  /** Base64 of the X.509 SubjectPublicKeyInfo, as the registry holds it. */
  static String publicKeyBase64(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  /** Base64 of the PKCS#8 private key, as written to {@code keys/}. */
  static String privateKeyBase64(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
  }

  /** A SecureRandom that yields SHA-256(label || counter) blocks: deterministic by design. */
  private static final class LabelRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    LabelRandom(String label) {
      super(new CounterSpi(label.getBytes(StandardCharsets.UTF_8)), null);
    }
  }

  private static final class CounterSpi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final byte[] label;
    private long counter;

    CounterSpi(byte[] label) {
      this.label = label.clone();
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // deterministic on purpose: extra seed material is ignored
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int filled = 0;
        while (filled < bytes.length) {
          sha.update(label);
          sha.update(Long.toString(counter++).getBytes(StandardCharsets.US_ASCII));
          byte[] block = sha.digest();
          int n = Math.min(block.length, bytes.length - filled);
          System.arraycopy(block, 0, bytes, filled, n);
          filled += n;
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] bytes = new byte[numBytes];
      engineNextBytes(bytes);
      return bytes;
    }
  }
}
