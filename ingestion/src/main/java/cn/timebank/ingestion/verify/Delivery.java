package cn.timebank.ingestion.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A package as delivered, before it is opened: where it is, whether it is a ZIP file or a folder,
 * and its {@code sha256} (spec §5): of the ZIP file's bytes, or of the folder's {@code
 * manifest.json} (empty when the folder has no regular {@code manifest.json}; it is then P001).
 * Nothing is parsed, so a caller can look for an identical earlier delivery first.
 */
public record Delivery(Path path, Kind kind, Optional<String> sha256) {

  /** How a package is delivered. */
  public enum Kind {
    ZIP,
    FOLDER
  }

  public Delivery {
    if (path == null || kind == null || sha256 == null) {
      throw new IllegalArgumentException("path, kind and sha256 are required");
    }
  }

  /**
   * The delivery at {@code path}: a folder, or else a file taken as a ZIP.
   *
   * @throws IllegalArgumentException when nothing is there
   */
  public static Delivery of(Path path) {
    try {
      if (Files.isDirectory(path)) {
        Path manifest = path.resolve(PackageNames.MANIFEST);
        return new Delivery(
            path,
            Kind.FOLDER,
            Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(hash(manifest))
                : Optional.empty());
      }
      if (Files.isRegularFile(path)) {
        return new Delivery(path, Kind.ZIP, Optional.of(hash(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the delivery " + path, e);
    }
    throw new IllegalArgumentException("no file or folder at " + path);
  }

  private static String hash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return Sha256.of(in);
    }
  }

  /** The file name of the delivery, for messages. */
  public String name() {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }
}
