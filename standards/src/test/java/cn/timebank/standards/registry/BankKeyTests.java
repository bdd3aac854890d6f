package cn.timebank.standards.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankKeyTests {

  private static final KeyPair PAIR = Keys.ed25519();

  @Test
  void readsTheBase64X509FormAndWritesItBack() {
    BankKey key =
        BankKey.of("k2026", Keys.base64(PAIR), LocalDate.of(2026, 1, 1), Optional.empty());

    assertThat(key.publicKey()).isEqualTo(PAIR.getPublic());
    assertThat(key.base64()).isEqualTo(Keys.base64(PAIR)).startsWith("MCowBQYDK2VwAyEA");
  }

  @Test
  void verifiesItsOwnSignaturesOnly() {
    BankKey key = Keys.bankKey("k2026", PAIR, "2026-01-01", null);
    byte[] manifest = "{\"bank_code\":\"310109-001\"}".getBytes(StandardCharsets.UTF_8);
    byte[] signature = Keys.sign(PAIR.getPrivate(), manifest);

    assertThat(key.verifies(manifest, signature)).isTrue();
    assertThat(
            key.verifies(
                "{\"bank_code\":\"310109-002\"}".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(key.verifies(manifest, Keys.sign(Keys.ed25519().getPrivate(), manifest))).isFalse();
    assertThat(key.verifies(manifest, new byte[] {1, 2, 3})).isFalse();
  }

  @Test
  void coversItsDaysInclusivelyInShanghai() {
    BankKey key = Keys.bankKey("k1", PAIR, "2026-01-01", "2026-06-30");

    assertThat(key.coversDate(LocalDate.of(2025, 12, 31))).isFalse();
    assertThat(key.coversDate(LocalDate.of(2026, 1, 1))).isTrue();
    assertThat(key.coversDate(LocalDate.of(2026, 6, 30))).isTrue();
    assertThat(key.coversDate(LocalDate.of(2026, 7, 1))).isFalse();
    assertThat(key.covers(Instant.parse("2026-06-30T15:59:59Z"))).isTrue();
    assertThat(key.covers(Instant.parse("2026-06-30T16:00:00Z"))).isFalse();
    assertThat(Keys.bankKey("k2", PAIR, "2026-01-01", null).coversDate(LocalDate.of(2099, 1, 1)))
        .isTrue();
  }

  @Test
  void refusesKeysThatAreNotEd25519() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    String ecKey =
        Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded());

    for (String text : new String[] {ecKey, "not base64!", "", "MCowBQYDK2VwAyEA"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BankKey.ed25519FromBase64(text))
          .withMessage("not a base64 X.509 Ed25519 public key");
    }
  }

  @Test
  void refusesAValidityEndingBeforeItStarts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Keys.bankKey("k1", PAIR, "2026-06-30", "2026-01-01"))
        .withMessageContaining("valid_to");
  }
}
