package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A folder delivery (drop directory), read in place. Every entry must be a regular file with a
 * plain name: a symbolic link (never followed), a sub-folder or anything else is P009, as are more
 * entries or bytes than the limits allow. A file is read without following links and stops with a
 * {@link LimitExceededException} when it grows past the size it had when the folder was opened.
 */
final class FolderPackage implements OpenedPackage {

  private final Delivery delivery;
  private final Map<String, Long> sizes;

  private FolderPackage(Delivery delivery, Map<String, Long> sizes) {
    this.delivery = delivery;
    this.sizes = sizes;
  }

  static OpenedPackage open(Delivery delivery, OpeningLimits limits) {
    Map<String, Long> sizes = new TreeMap<>();
    Optional<String> problem;
    try {
      problem = checkEntries(delivery.path(), limits, sizes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the folder " + delivery.path(), e);
    }
    return problem.isPresent()
        ? new RefusedPackage(
            delivery,
            Rejected.of(ResultCode.P009, problem.get())
                .withIdentity(RefusedManifest.of(delivery.path(), limits.maxManifestBytes())))
        : new FolderPackage(delivery, sizes);
  }

  private static Optional<String> checkEntries(
      Path folder, OpeningLimits limits, Map<String, Long> sizes) throws IOException {
    long total = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path path : entries) {
        String name = path.getFileName().toString();
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Optional<String> problem = PackageNames.problem(name);
        if (problem.isPresent()) {
          return problem;
        }
        if (attributes.isSymbolicLink()) {
          return Optional.of("entry '" + name + "' is a symbolic link; links are not followed");
        }
        if (!attributes.isRegularFile()) {
          return Optional.of("entry '" + name + "' is a folder; files must sit at the root");
        }
        sizes.put(name, attributes.size());
        total += attributes.size();
        if (sizes.size() > limits.maxEntries()) {
          return Optional.of("the folder holds more than " + limits.maxEntries() + " entries");
        }
        if (total > limits.maxTotalBytes()) {
          return Optional.of("the files hold more than " + limits.maxTotalBytes() + " bytes");
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Delivery delivery() {
    return delivery;
  }

  @Override
  public Optional<Rejected> refusal() {
    return Optional.empty();
  }

  @Override
  public SortedSet<String> fileNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(sizes.keySet()));
  }

  @Override
  public InputStream open(String name) throws IOException {
    Long size = sizes.get(name);
    if (size == null) {
      throw new NoSuchFileException(name);
    }
    InputStream in = Files.newInputStream(delivery.path().resolve(name), LinkOption.NOFOLLOW_LINKS);
    return new LimitedInputStream(in, name, size, "grew while the package was being read");
  }

  @Override
  public void close() {}
}
