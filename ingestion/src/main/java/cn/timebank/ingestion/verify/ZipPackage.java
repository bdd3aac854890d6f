package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A ZIP delivery read with {@link ZipFile}, entry by entry, never extracted. On opening, every
 * entry of the central directory is checked before any is read: its name ({@link PackageNames}),
 * that it is a file, not a folder, not twice; the number of entries; the declared sizes against the
 * total and the expansion ratio; that none is a symbolic link or other special file ({@link
 * ZipEntryTypes}). While reading, an entry that expands past its declared size or past the ratio
 * stops with a {@link LimitExceededException}.
 */
final class ZipPackage implements OpenedPackage {

  private final Delivery delivery;
  private final ZipFile zip;
  private final Map<String, ZipEntry> entries;
  private final OpeningLimits limits;

  private ZipPackage(
      Delivery delivery, ZipFile zip, Map<String, ZipEntry> entries, OpeningLimits limits) {
    this.delivery = delivery;
    this.zip = zip;
    this.entries = entries;
    this.limits = limits;
  }

  static OpenedPackage open(Delivery delivery, OpeningLimits limits) {
    ZipFile zip;
    try {
      zip = new ZipFile(delivery.path().toFile());
    } catch (IOException e) {
      return new RefusedPackage(
          delivery,
          Rejected.inFile(
              ResultCode.P001,
              delivery.name(),
              "manifest unreadable: the ZIP file is corrupt (" + e.getMessage() + ")"));
    }
    try {
      Map<String, ZipEntry> entries = new TreeMap<>();
      Optional<String> problem = checkEntries(zip, limits, entries);
      if (problem.isEmpty()) {
        problem = ZipEntryTypes.problem(delivery.path(), zip.size());
      }
      if (problem.isPresent()) {
        ManifestIdentity identity = RefusedManifest.of(zip, limits.maxManifestBytes());
        zip.close();
        return new RefusedPackage(
            delivery, Rejected.of(ResultCode.P009, problem.get()).withIdentity(identity));
      }
      return new ZipPackage(delivery, zip, entries, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> checkEntries(
      ZipFile zip, OpeningLimits limits, Map<String, ZipEntry> entries) {
    if (zip.size() > limits.maxEntries()) {
      return Optional.of(
          "the ZIP holds " + zip.size() + " entries, at most " + limits.maxEntries() + " allowed");
    }
    long total = 0;
    Enumeration<? extends ZipEntry> all = zip.entries();
    while (all.hasMoreElements()) {
      ZipEntry entry = all.nextElement();
      String name = entry.getName();
      Optional<String> nameProblem = PackageNames.problem(name);
      if (nameProblem.isPresent()) {
        return nameProblem;
      }
      if (entry.isDirectory()) {
        return Optional.of("entry '" + name + "' is a folder; files must sit at the root");
      }
      if (entries.put(name, entry) != null) {
        return Optional.of("entry '" + name + "' appears twice in the ZIP");
      }
      long size = entry.getSize();
      if (size < 0 || size > limits.maxTotalBytes()) {
        return Optional.of("entry '" + name + "' does not declare a size within the limit");
      }
      if (size > maxExpansion(entry, limits)) {
        return Optional.of(
            "entry '"
                + name
                + "' expands more than "
                + limits.maxExpansionRatio()
                + " times (a zip bomb?)");
      }
      total += size;
      if (total > limits.maxTotalBytes()) {
        return Optional.of(
            "the entries hold more than " + limits.maxTotalBytes() + " bytes uncompressed");
      }
    }
    return Optional.empty();
  }

  /**
   * An entry that expands to at most this many bytes is not held to the expansion ratio: a short
   * file with one long, repetitive field (a 100 kB note of one letter) compresses far better than
   * the ratio and is no bomb; its record gets its own code (R102) instead of the whole package
   * P009. Beyond it the ratio applies, and the total limit always does.
   */
  static final long RATIO_GRACE_BYTES = 1024 * 1024;

  private static long maxExpansion(ZipEntry entry, OpeningLimits limits) {
    long compressed = Math.max(entry.getCompressedSize(), 1);
    long byRatio =
        compressed > Long.MAX_VALUE / limits.maxExpansionRatio()
            ? Long.MAX_VALUE
            : compressed * limits.maxExpansionRatio();
    return Math.max(byRatio, RATIO_GRACE_BYTES);
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
    return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
  }

  @Override
  public InputStream open(String name) throws IOException {
    ZipEntry entry = entries.get(name);
    if (entry == null) {
      throw new NoSuchFileException(name);
    }
    long max = Math.min(entry.getSize(), maxExpansion(entry, limits));
    return new LimitedInputStream(
        zip.getInputStream(entry), name, max, "holds more bytes than it declares");
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
