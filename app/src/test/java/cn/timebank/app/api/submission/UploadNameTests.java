package cn.timebank.app.api.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file name an upload is kept under, taken from the client's name and made safe. */
class UploadNameTests {

  @Test
  void aPackageNameStaysAsSent() {
    assertThat(UploadStore.safeName("310109-001_2026-09_1.zip"))
        .isEqualTo("310109-001_2026-09_1.zip");
    assertThat(UploadStore.safeName("虹口区九月.zip")).isEqualTo("虹口区九月.zip");
  }

  @Test
  void foldersAreDroppedAndNothingLeadsOutOfTheUploadsFolder() {
    assertThat(UploadStore.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(UploadStore.safeName("C:\\banks\\310109\\p.zip")).isEqualTo("p.zip");
    assertThat(UploadStore.safeName("..")).isEqualTo("upload.zip");
    assertThat(UploadStore.safeName(".hidden.zip")).isEqualTo("hidden.zip");
  }

  @Test
  void otherCharactersBecomeUnderscores() {
    assertThat(UploadStore.safeName("a b;rm -rf$(x)\u0000.zip")).isEqualTo("a_b_rm_-rf__x__.zip");
  }

  @Test
  void noNameOrAnEmptyOneIsUploadZip() {
    assertThat(UploadStore.safeName(null)).isEqualTo("upload.zip");
    assertThat(UploadStore.safeName("")).isEqualTo("upload.zip");
    assertThat(UploadStore.safeName("dir/")).isEqualTo("upload.zip");
  }

  @Test
  void aLongNameIsCut() {
    assertThat(UploadStore.safeName("x".repeat(500) + ".zip")).hasSize(120);
  }
}
