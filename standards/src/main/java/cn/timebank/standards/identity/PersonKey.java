package cn.timebank.standards.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cross-bank person key: HMAC-SHA256 with the configured secret over the upper-cased identity
 * number, as 64 lower-case hex characters. The same person has the same key in every bank, which is
 * how the daily cap, overlaps and transfers work across banks.
 */
public record PersonKey(String value) {

  // compiled once: keys are made for every stored row read back, in batch and stream alike
  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

  public PersonKey {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a person key is 64 lower-case hex characters");
    }
  }

  /** The key of an identity number of any type (resident ID, passport, other). */
  public static PersonKey of(String idNumber, PersonKeySecret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(idNumber.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return new PersonKey(HexFormat.of().formatHex(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
