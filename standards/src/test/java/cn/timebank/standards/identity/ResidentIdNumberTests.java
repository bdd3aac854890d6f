package cn.timebank.standards.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.identity.ResidentIdNumber.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The valid numbers below have check characters computed by hand with the GB 11643 weights (7 9 10
 * 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the sum mod 11 indexes "10X98765432"), never with the code under
 * test. E.g. 11010519491231002: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167, 167 mod 11 = 2, so X.
 */
class ResidentIdNumberTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X", // the textbook example of GB 11643-1999
        "440524188001010014", // a region code abolished since, still valid in a number
        "430102199003071234", // sum 217, mod 11 = 8, so 4
        "110105200002290021" // born on a leap day: sum 132, mod 11 = 0, so 1
      })
  void acceptsValidNumbers(String number) {
    assertThat(ResidentIdNumber.problemOf(number)).isEmpty();
    assertThat(ResidentIdNumber.parse(number).regionCode()).isEqualTo(number.substring(0, 6));
  }

  @Test
  void computesTheCheckCharacterOfTheTextbookExample() {
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021",
        "110105194912310020",
        "440524188001010015",
        "44052418800101001X"
      })
  void refusesAWrongCheckCharacter(String number) {
    assertThat(ResidentIdNumber.problemOf(number)).contains(Problem.CHECK_DIGIT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "11010519491231002",
        "11010519491231002XX",
        "1101051949123100X2",
        "11010519491231002Y",
        "110105 19491231002X",
        "11010519491231002X0"
      })
  void refusesMalformedNumbers(String number) {
    assertThat(ResidentIdNumber.problemOf(number)).contains(Problem.MALFORMED);
  }

  @Test
  void refusesNothingAsMalformed() {
    assertThat(ResidentIdNumber.problemOf(null)).contains(Problem.MALFORMED);
    assertThatThrownBy(() -> ResidentIdNumber.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid resident ID number: MALFORMED");
  }

  @Test
  void refusesA15DigitFirstGenerationNumber() {
    assertThat(ResidentIdNumber.problemOf("110105491231002")).contains(Problem.MALFORMED);
  }

  @Test
  void acceptsALowerCaseXAndUpperCasesIt() {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002x");

    assertThat(id).isEqualTo(ResidentIdNumber.parse("11010519491231002X"));
    assertThat(id.masked()).isEqualTo("110105********002X");
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(ResidentIdNumber.parse(" 11010519491231002X\t"))
        .isEqualTo(ResidentIdNumber.parse("11010519491231002X"));
  }

  @Test
  void extractsTheBirthDate() {
    assertThat(ResidentIdNumber.parse("11010519491231002X").birthDate())
        .isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(ResidentIdNumber.parse("440524188001010014").birthDate())
        .isEqualTo(LocalDate.of(1880, 1, 1));
    assertThat(ResidentIdNumber.parse("110105200002290021").birthDate())
        .isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @Test
  void refusesMonth13EvenWithTheRightCheckCharacter() {
    // 1101051949 13 31002: sum 167 + 9 = 176, mod 11 = 0, so 1
    assertThat(ResidentIdNumber.problemOf("110105194913310021"))
        .contains(Problem.BIRTH_DATE_INVALID);
    assertThatThrownBy(() -> ResidentIdNumber.parse("110105194913310021"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid resident ID number: BIRTH_DATE_INVALID");
  }

  @Test
  void anInvalidBirthDateWinsOverAWrongCheckCharacter() {
    // R102 (malformed) is lower than R108 (check digit): the right check character would be 1
    assertThat(ResidentIdNumber.problemOf("110105194913310020"))
        .contains(Problem.BIRTH_DATE_INVALID);
  }

  @Test
  void refusesFebruary29OfACommonYear() {
    // 19490229: sum 190, mod 11 = 3, so 9
    assertThat(ResidentIdNumber.problemOf("110105194902290029"))
        .contains(Problem.BIRTH_DATE_INVALID);
  }

  @Test
  void masksTheBirthDate() {
    assertThat(ResidentIdNumber.parse("11010519491231002X").masked())
        .isEqualTo("110105********002X");
  }

  @Test
  void neverShowsTheRawNumber() {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");

    assertThat(id.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
  }

  @Test
  void errorsDoNotShowTheRawNumber() {
    assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021"))
        .hasMessageNotContaining("110105194912310021");
  }

  @Test
  void checkCharacterNeedsExactly17Digits() {
    assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("1101051949123100"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("1101051949123100X"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
