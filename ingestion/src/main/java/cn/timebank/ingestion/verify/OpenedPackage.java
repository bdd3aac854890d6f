package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.DataEncoding;
import cn.timebank.ingestion.read.DataFileReader;
import cn.timebank.ingestion.read.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A delivered package opened for reading, in place: the entries of a ZIP are streamed straight from
 * the ZIP file and the files of a folder read where they are; nothing is extracted or written.
 * Opening never throws for what is wrong with the package: a corrupt ZIP (P001) or an unsafe or
 * oversized entry (P009) is kept as {@link #refusal()}, which {@link PackageVerifier} reports
 * first. Close it when done.
 */
public sealed interface OpenedPackage extends AutoCloseable
    permits ZipPackage, FolderPackage, RefusedPackage {

  /** Opens a delivery under the given limits. */
  static OpenedPackage open(Delivery delivery, OpeningLimits limits) {
    return delivery.kind() == Delivery.Kind.ZIP
        ? ZipPackage.open(delivery, limits)
        : FolderPackage.open(delivery, limits);
  }

  Delivery delivery();

  /** Why the package was refused on opening (corrupt ZIP, unsafe entry, limits), if it was. */
  Optional<Rejected> refusal();

  /** The names of the files at the package's root. */
  SortedSet<String> fileNames();

  /**
   * The bytes of one file; a {@link java.nio.file.NoSuchFileException} when there is none. The
   * stream fails with an {@link IOException} when the file breaks the opening limits.
   */
  InputStream open(String name) throws IOException;

  /** The records of a data file of a verified package, streamed in its declared encoding. */
  default DataFileReader records(String name, DataEncoding encoding, ReadLimits limits)
      throws IOException {
    return DataFileReader.open(name, open(name), encoding, limits);
  }

  @Override
  void close();
}
