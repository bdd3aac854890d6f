package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.DataFormat;
import cn.timebank.standards.model.FileType;
import java.util.regex.Pattern;

/**
 * One data file a manifest names: its plain name (ending {@code .csv} or {@code .jsonl}), type,
 * record count (header excluded) and SHA-256, held in lower-case hex.
 */
public record ManifestFile(String name, FileType type, long records, String sha256) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ManifestFile {
    if (name == null || DataFormat.of(name).isEmpty() || PackageNames.problem(name).isPresent()) {
      throw new IllegalArgumentException(
          "name must be a plain file name ending .csv or .jsonl (was " + name + ")");
    }
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (records < 0) {
      throw new IllegalArgumentException("records must not be negative (was " + records + ")");
    }
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }

  public DataFormat format() {
    return DataFormat.of(name).orElseThrow();
  }
}
