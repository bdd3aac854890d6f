package cn.timebank.standards.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The configured secret of the person key's HMAC. Whoever holds it can test a guessed ID number, so
 * it is configuration, never data; {@link #toString()} does not show it.
 */
public final class PersonKeySecret {

  private final byte[] bytes;

  private PersonKeySecret(byte[] bytes) {
    if (bytes.length < 16) {
      throw new IllegalArgumentException("the person-key secret must have at least 16 bytes");
    }
    this.bytes = bytes.clone();
  }

  public static PersonKeySecret of(String secret) {
    return new PersonKeySecret(secret.getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonKeySecret other && Arrays.equals(other.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PersonKeySecret[***]";
  }
}
