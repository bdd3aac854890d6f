package cn.timebank.ingestion.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageArchiveTests {

  @TempDir Path dir;

  private Path dataDir() throws IOException {
    return Files.createDirectories(dir.resolve("data"));
  }

  @Test
  void copiesAZipAsReceivedUnderBankPeriodAndSha() throws IOException {
    Path zip = TestPackage.good().writeZip(dir);
    Delivery delivery = Delivery.of(zip);
    PackageArchive archive = new PackageArchive(dataDir(), OpeningLimits.defaults());
    Path stored = archive.store(delivery);
    assertThat(stored)
        .isEqualTo(
            dir.resolve(
                "data/archive/310109-001/2026-10/" + delivery.sha256().orElseThrow() + ".zip"));
    assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(zip));
  }

  @Test
  void isIdempotent() throws IOException {
    Delivery delivery = Delivery.of(TestPackage.good().writeZip(dir));
    PackageArchive archive = new PackageArchive(dataDir(), OpeningLimits.defaults());
    Path first = archive.store(delivery);
    Path second = archive.store(delivery);
    assertThat(second).isEqualTo(first);
    try (var files = Files.list(first.getParent())) {
      assertThat(files).containsExactly(first);
    }
  }

  @Test
  void storesAFolderAsAZipNamedByItsManifestSha() throws IOException {
    Delivery delivery = Delivery.of(TestPackage.good().writeFolder(dir));
    Path stored = new PackageArchive(dataDir(), OpeningLimits.defaults()).store(delivery);
    assertThat(stored.getFileName()).hasToString(delivery.sha256().orElseThrow() + ".zip");
    try (OpenedPackage pkg = OpenedPackage.open(Delivery.of(stored), OpeningLimits.defaults())) {
      assertThat(pkg.fileNames())
          .containsExactly("manifest.json", "manifest.sig", "services.csv", "transactions.jsonl");
    }
  }

  @Test
  void keepsAnUnidentifiableDeliveryApart() throws IOException {
    Path zip = TestPackage.good().set("bank_code", "../../etc").writeZip(dir);
    Path stored = new PackageArchive(dataDir(), OpeningLimits.defaults()).store(Delivery.of(zip));
    assertThat(stored.getParent()).isEqualTo(dir.resolve("data/archive/unidentified"));
  }
}
