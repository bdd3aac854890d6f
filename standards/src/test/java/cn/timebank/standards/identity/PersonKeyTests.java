package cn.timebank.standards.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonKeyTests {

  private final PersonKeySecret secret = PersonKeySecret.of("a-test-secret-of-enough-length");

  @Test
  void isSixtyFourLowerCaseHexCharacters() {
    PersonKey key = ResidentIdNumber.parse("11010519491231002X").personKey(secret);

    assertThat(key.value()).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void isTheHmacSha256OfTheUpperCasedNumber() {
    // computed outside Java: printf '%s' 11010519491231002X | openssl dgst -sha256 -hmac
    // 0123456789abcdef
    PersonKeySecret known = PersonKeySecret.of("0123456789abcdef");

    assertThat(PersonKey.of("11010519491231002x", known).value())
        .isEqualTo("dd6a5ba2eed683e7925b20f655c01434a93591983089686662b75f63b85a9c1b");
  }

  @Test
  void isTheSameForALowerAndAnUpperCaseX() {
    assertThat(ResidentIdNumber.parse("11010519491231002x").personKey(secret))
        .isEqualTo(ResidentIdNumber.parse("11010519491231002X").personKey(secret))
        .isEqualTo(PersonKey.of("11010519491231002x", secret));
  }

  @Test
  void differsWithAnotherSecret() {
    PersonKeySecret other = PersonKeySecret.of("another-secret-of-enough-length");
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");

    assertThat(id.personKey(other)).isNotEqualTo(id.personKey(secret));
  }

  @Test
  void differsForAnotherPerson() {
    assertThat(ResidentIdNumber.parse("440524188001010014").personKey(secret))
        .isNotEqualTo(ResidentIdNumber.parse("11010519491231002X").personKey(secret));
  }

  @Test
  void doesNotShowTheRawNumber() {
    PersonKey key = ResidentIdNumber.parse("11010519491231002X").personKey(secret);

    assertThat(key.toString()).doesNotContain("11010519491231002X").doesNotContain("19491231");
  }

  @Test
  void refusesAValueThatIsNotSixtyFourLowerCaseHexCharacters() {
    assertThatThrownBy(() -> new PersonKey("ABC")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PersonKey("A".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSecretIsAtLeast16BytesAndNeverShown() {
    assertThatThrownBy(() -> PersonKeySecret.of("short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(secret.toString()).doesNotContain("a-test-secret");
  }
}
