package cn.timebank.ingestion.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whatever of bank, period and sequence a manifest the strict reader refused still states. */
class ManifestIdentityTests {

  private static final String WHOLE =
      "{\"spec_version\": \"1.0\", \"bank_code\": \"310109-001\", \"period\": \"2026-09\","
          + " \"sequence\": 1, \"generated_at\": \"2026-10-03T10:00:00+08:00\","
          + " \"files\": [{\"name\": \"services.csv\", \"sha256\": \"ab\"}]}";

  @Test
  void aManifestCutShortGivesTheFieldsBeforeTheCut() {
    String cut = WHOLE.substring(0, WHOLE.indexOf("\"generated_at\"") + 20);

    assertThat(read(cut)).isEqualTo(new ManifestIdentity("310109-001", "2026-09", 1));
  }

  @Test
  void aValueCutInTheMiddleIsNotRead() {
    String cut = WHOLE.substring(0, WHOLE.indexOf("\"2026-09\"") + 5);

    assertThat(read(cut)).isEqualTo(new ManifestIdentity("310109-001", null, null));
  }

  @Test
  void aNumberCutInItsDigitsIsNotRead() {
    String whole = "{\"bank_code\": \"310109-001\", \"sequence\": 12, \"period\": \"2026-09\"}";
    String cut = whole.substring(0, whole.indexOf("12") + 1);

    assertThat(read(cut)).isEqualTo(new ManifestIdentity("310109-001", null, null));
    assertThat(read(whole.substring(0, whole.indexOf("12") + 3)))
        .isEqualTo(new ManifestIdentity("310109-001", null, 12));
  }

  @Test
  void aLaterValueOfAnotherShapeClearsAnEarlierOne() {
    assertThat(read("{\"bank_code\": \"310109-001\", \"bank_code\": {\"x\": 1}, \"sequence\": 1}"))
        .isEqualTo(new ManifestIdentity(null, null, 1));
  }

  @Test
  void eachValueCountsOnlyWhenWellFormedOnItsOwn() {
    assertThat(read("{\"bank_code\": \"31\", \"period\": \"2026-13\", \"sequence\": 0}"))
        .isEqualTo(ManifestIdentity.NONE);
    assertThat(read("{\"bank_code\": 310109, \"period\": 202609, \"sequence\": \"1\"}"))
        .isEqualTo(ManifestIdentity.NONE);
    assertThat(read("{\"sequence\": 1.5}")).isEqualTo(ManifestIdentity.NONE);
    assertThat(read("{\"sequence\": 99999999999}")).isEqualTo(ManifestIdentity.NONE);
  }

  @Test
  void readsOnlyTheTopLevelAndTheLastOfARepeatedField() {
    assertThat(
            read(
                "{\"files\": [{\"bank_code\": \"999999-999\"}], \"extra\": {\"period\": \"2020-01\"},"
                    + " \"bank_code\": \"430102-001\", \"sequence\": 2, \"sequence\": 3}"))
        .isEqualTo(new ManifestIdentity("430102-001", null, 3));
  }

  @Test
  void nothingFromTextThatIsNoJsonObject() {
    assertThat(read("")).isEqualTo(ManifestIdentity.NONE);
    assertThat(read("[{\"bank_code\": \"310109-001\"}]")).isEqualTo(ManifestIdentity.NONE);
    assertThat(read("bank_code: 310109-001")).isEqualTo(ManifestIdentity.NONE);
    assertThat(read(WHOLE + " trailing"))
        .isEqualTo(new ManifestIdentity("310109-001", "2026-09", 1));
  }

  private static ManifestIdentity read(String text) {
    return ManifestIdentity.readable(text.getBytes(StandardCharsets.UTF_8));
  }
}
