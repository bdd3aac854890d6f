package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.CsvFileReader;
import cn.timebank.ingestion.read.DataFileReader;
import cn.timebank.ingestion.read.DataFormat;
import cn.timebank.ingestion.read.DecodingError;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.read.StrictDecoding;
import cn.timebank.standards.codes.ResultCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The checks that read the data files, each over every file (in manifest order) before the next
 * check starts: P004 SHA-256, P008 encoding, P010 CSV header, P005 record count. Each streams the
 * file again, in constant memory. P005 counts the records a {@link DataFileReader} returns, so the
 * count and the records later read always agree, broken records (R102) included.
 */
final class ContentChecks {

  private final OpenedPackage pkg;
  private final Manifest manifest;
  private final ReadLimits limits;

  ContentChecks(OpenedPackage pkg, Manifest manifest, ReadLimits limits) {
    this.pkg = pkg;
    this.manifest = manifest;
    this.limits = limits;
  }

  void digests() throws Rejection, IOException {
    for (ManifestFile file : manifest.files()) {
      String actual;
      try (InputStream in = pkg.open(file.name())) {
        actual = Sha256.of(in);
      }
      if (!actual.equals(file.sha256())) {
        throw new Rejection(
            Rejected.inFile(
                ResultCode.P004,
                file.name(),
                "manifest says " + file.sha256() + ", file has " + actual));
      }
    }
  }

  void encodings() throws Rejection, IOException {
    for (ManifestFile file : manifest.files()) {
      Optional<DecodingError> error;
      try (InputStream in = pkg.open(file.name())) {
        error = StrictDecoding.firstError(in, manifest.encoding());
      }
      if (error.isPresent()) {
        throw new Rejection(
            Rejected.atLine(
                ResultCode.P008,
                file.name(),
                error.get().line(),
                "the bytes at offset "
                    + error.get().byteOffset()
                    + " of the file are not valid "
                    + manifest.encoding().label()));
      }
    }
  }

  void headers() throws Rejection, IOException {
    for (ManifestFile file : manifest.files()) {
      if (file.format() != DataFormat.CSV) {
        continue;
      }
      List<String> header;
      try (DataFileReader reader = pkg.records(file.name(), manifest.encoding(), limits)) {
        header = ((CsvFileReader) reader).header();
      }
      Optional<String> problem =
          header.isEmpty() ? Optional.of("has no header row") : file.type().headerProblem(header);
      if (problem.isPresent()) {
        throw new Rejection(
            Rejected.atLine(ResultCode.P010, file.name(), 1, "header " + problem.get()));
      }
    }
  }

  void recordCounts() throws Rejection, IOException {
    for (ManifestFile file : manifest.files()) {
      long count = 0;
      try (DataFileReader reader = pkg.records(file.name(), manifest.encoding(), limits)) {
        while (reader.hasNext()) {
          reader.next();
          count++;
        }
      }
      if (count != file.records()) {
        throw new Rejection(
            Rejected.inFile(
                ResultCode.P005,
                file.name(),
                "manifest says " + file.records() + " records, file has " + count));
      }
    }
  }
}
