package cn.timebank.app.api.submission;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.verify.OpeningLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank a caller's scope is checked against, also for packages that will be rejected. */
class PackageBankTests {

  private static final String MANIFEST =
      """
      {"format_version": "%s", "bank_code": "%s", "period": "2026-08", "sequence": 1,
       "key_id": "k2024", "generated_at": "2026-09-01T10:00:00+08:00", "encoding": "UTF-8",
       "files": [{"name": "services.csv", "type": "SERVICES", "records": 0, "sha256": "%s"}]}
      """;

  @TempDir Path dir;

  @Test
  void readsTheBankOfAManifestThatWillBeRefusedWithP001() throws IOException {
    Path upload = zip("p001.zip", Map.of("manifest.json", manifest("1.1", "330106-901")));

    assertThat(PackageBank.of(upload, OpeningLimits.defaults())).contains("330106-901");
  }

  @Test
  void readsTheBankOfAPackageThatWillBeRefusedWithP009() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("manifest.json", manifest("1.0", "330106-902"));
    entries.put("dir/x.csv", "a\n");
    Path upload = zip("p009.zip", entries);

    assertThat(PackageBank.of(upload, OpeningLimits.defaults())).contains("330106-902");
  }

  @Test
  void namesNoBankWhenNoneIsWellFormed() throws IOException {
    assertThat(
            PackageBank.of(
                zip("bad.zip", Map.of("manifest.json", manifest("1.0", "x"))),
                OpeningLimits.defaults()))
        .isEmpty();
    assertThat(
            PackageBank.of(
                zip("garbage.zip", Map.of("manifest.json", "{\"bank_code\":")),
                OpeningLimits.defaults()))
        .isEmpty();
    Path notAZip = Files.writeString(dir.resolve("not.zip"), "not a zip");
    assertThat(PackageBank.of(notAZip, OpeningLimits.defaults())).isEmpty();
  }

  private static String manifest(String version, String bank) {
    return MANIFEST.formatted(version, bank, "0".repeat(64));
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }
}
