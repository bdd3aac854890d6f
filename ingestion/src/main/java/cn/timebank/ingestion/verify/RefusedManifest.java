package cn.timebank.ingestion.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The manifest of a package refused on opening for another of its entries (P009: an unsafe name, a
 * zip bomb, a link), read only so that its RJCT receipt carries whatever of bank, period and
 * sequence can be read (spec §5, {@link ManifestIdentity}). It is read as carefully as an accepted
 * package's: by its exact name, a regular file only (no link is followed), at most the manifest's
 * size limit; beyond that limit, or not there, and the receipt names nothing.
 */
final class RefusedManifest {

  private RefusedManifest() {}

  static ManifestIdentity of(ZipFile zip, int maxBytes) {
    ZipEntry entry = zip.getEntry(PackageNames.MANIFEST);
    if (entry == null || entry.isDirectory()) {
      return ManifestIdentity.NONE;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return parsed(in.readNBytes(maxBytes + 1), maxBytes);
    } catch (IOException | RuntimeException e) {
      return ManifestIdentity.NONE;
    }
  }

  static ManifestIdentity of(Path folder, int maxBytes) {
    Path file = folder.resolve(PackageNames.MANIFEST);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return ManifestIdentity.NONE;
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return parsed(in.readNBytes(maxBytes + 1), maxBytes);
    } catch (IOException | RuntimeException e) {
      return ManifestIdentity.NONE;
    }
  }

  private static ManifestIdentity parsed(byte[] bytes, int maxBytes) {
    if (bytes.length > maxBytes) {
      return ManifestIdentity.NONE;
    }
    try {
      return ManifestIdentity.of(ManifestReader.read(bytes));
    } catch (Rejection e) {
      return ManifestIdentity.readable(bytes);
    }
  }
}
