package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the legal record of every delivery, before it is verified: {@code
 * DATA_DIR/archive/<bank_code>/<period>/<sha256>.zip}. A ZIP is copied byte for byte; a folder is
 * stored as a ZIP of its regular files (sorted, fixed timestamps, links and sub-folders left out,
 * never followed), named by the package's sha256 (that of {@code manifest.json}). Bank code and
 * period are taken from the manifest only when both are well formed; otherwise the delivery goes to
 * {@code archive/unidentified/}. Storing is idempotent: the same sha256 is the same file, kept as
 * first written. Files are written to a temporary name in the target folder, then moved.
 */
public final class PackageArchive {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path root;
  private final OpeningLimits limits;

  public PackageArchive(Path dataDir, OpeningLimits limits) {
    this.root = dataDir.resolve("archive");
    this.limits = limits;
  }

  /** Stores a delivery and returns where it is. */
  public Path store(Delivery delivery) {
    try {
      Path folder = root.resolve(labels(delivery).orElse("unidentified"));
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, ".incoming-", ".zip");
      try {
        if (delivery.kind() == Delivery.Kind.ZIP) {
          Files.copy(delivery.path(), temp, StandardCopyOption.REPLACE_EXISTING);
        } else {
          zipFolder(delivery.path(), temp);
        }
        String sha = delivery.sha256().orElse(hash(temp));
        Path target = folder.resolve(sha + ".zip");
        if (!Files.exists(target)) {
          moveInto(temp, target);
        }
        return target;
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot archive " + delivery.path(), e);
    }
  }

  /** {@code <bank_code>/<period>} from a well-formed manifest, read leniently. */
  private Optional<String> labels(Delivery delivery) {
    try (OpenedPackage pkg = OpenedPackage.open(delivery, limits)) {
      if (pkg.refusal().isPresent() || !pkg.fileNames().contains(PackageNames.MANIFEST)) {
        return Optional.empty();
      }
      byte[] bytes;
      try (InputStream in = pkg.open(PackageNames.MANIFEST)) {
        bytes = in.readNBytes(limits.maxManifestBytes());
      }
      JsonNode manifest = JSON.readTree(bytes);
      String bank = manifest.path("bank_code").asString("");
      String period = manifest.path("period").asString("");
      Period.parse(period);
      return BankCode.isValid(bank) ? Optional.of(bank + "/" + period) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void zipFolder(Path folder, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(out);
        var files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        ZipEntry entry = new ZipEntry(file.getFileName().toString());
        entry.setTime(0);
        zip.putNextEntry(entry);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
  }

  private static String hash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.of(in);
    }
  }

  private static void moveInto(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // stored meanwhile by another delivery of the same bytes: keep the first
    }
  }
}
