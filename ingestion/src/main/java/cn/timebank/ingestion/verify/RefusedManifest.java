package cn.timebank.ingestion.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The manifest of a package refused on opening for another of its entries (P009: an unsafe name, a
 * zip bomb, a link), read only so that its RJCT receipt carries whatever of bank, period and
 * sequence can be read (spec §5). It is read as carefully as an accepted package's: by its exact
 * name, a regular file only (no link is followed), at most the manifest's size limit; anything
 * wrong with it and the receipt names nothing, as before.
 */
final class RefusedManifest {

  private RefusedManifest() {}

  static @Nullable Manifest of(ZipFile zip, int maxBytes) {
    ZipEntry entry = zip.getEntry(PackageNames.MANIFEST);
    if (entry == null || entry.isDirectory()) {
      return null;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return parsed(in.readNBytes(maxBytes + 1), maxBytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static @Nullable Manifest of(Path folder, int maxBytes) {
    Path file = folder.resolve(PackageNames.MANIFEST);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return parsed(in.readNBytes(maxBytes + 1), maxBytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Manifest parsed(byte[] bytes, int maxBytes) {
    if (bytes.length > maxBytes) {
      return null;
    }
    try {
      return ManifestReader.read(bytes);
    } catch (Rejection e) {
      return null;
    }
  }
}
