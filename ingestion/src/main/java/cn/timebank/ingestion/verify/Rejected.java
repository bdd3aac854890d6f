package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A package rejected whole with one package-level code (spec §4). The {@code message} starts with
 * the code and its bilingual text and ends with the detail, naming the file (and line, field) when
 * one applies, e.g. {@code "P004 文件的SHA-256与清单不符 / a file's SHA-256 differs from the manifest:
 * services.csv: manifest says 3f2a…, file has 9b1c…"}. {@code manifest} is present when the
 * manifest could be read strictly; {@code identity} is whatever of bank, period and sequence could
 * be read (all three from a manifest read strictly, else those well-formed on their own): what the
 * receipt shows.
 */
public record Rejected(
    ResultCode code,
    Optional<String> file,
    OptionalLong line,
    Optional<String> field,
    String message,
    Optional<Manifest> manifest,
    ManifestIdentity identity)
    implements VerificationResult {

  public Rejected {
    if (code == null || !code.rejectsPackage()) {
      throw new IllegalArgumentException("a package is rejected with a P code (was " + code + ")");
    }
    if (file == null
        || line == null
        || field == null
        || message == null
        || manifest == null
        || identity == null) {
      throw new IllegalArgumentException("components must not be null");
    }
  }

  /** A rejection about the package as a whole. */
  static Rejected of(ResultCode code, String detail) {
    return new Rejected(
        code,
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        text(code, "", detail),
        none(),
        ManifestIdentity.NONE);
  }

  /** A rejection about one file of the package. */
  static Rejected inFile(ResultCode code, String file, String detail) {
    return new Rejected(
        code,
        Optional.of(file),
        OptionalLong.empty(),
        Optional.empty(),
        text(code, file + ": ", detail),
        none(),
        ManifestIdentity.NONE);
  }

  /** A rejection about one line of a file. */
  static Rejected atLine(ResultCode code, String file, long line, String detail) {
    return new Rejected(
        code,
        Optional.of(file),
        OptionalLong.of(line),
        Optional.empty(),
        text(code, file + ": line " + line + ": ", detail),
        none(),
        ManifestIdentity.NONE);
  }

  /** A rejection about one field, of the manifest or of a file. */
  static Rejected atField(ResultCode code, String file, String field, String detail) {
    return new Rejected(
        code,
        Optional.of(file),
        OptionalLong.empty(),
        Optional.of(field),
        text(code, file + ": " + field + ": ", detail),
        none(),
        ManifestIdentity.NONE);
  }

  /** With the manifest read strictly; {@code null}: not read (the identity stays as it is). */
  Rejected withManifest(@Nullable Manifest read) {
    return read == null
        ? this
        : new Rejected(
            code, file, line, field, message, Optional.of(read), ManifestIdentity.of(read));
  }

  /** With what could be read of a manifest the strict reader refused. */
  Rejected withIdentity(ManifestIdentity readable) {
    return new Rejected(code, file, line, field, message, manifest, readable);
  }

  private static String text(ResultCode code, String where, String detail) {
    return code.name() + " " + code.bilingual() + ": " + where + detail;
  }

  private static Optional<Manifest> none() {
    return Optional.empty();
  }
}
