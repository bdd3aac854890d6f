package cn.timebank.app.inbox;

import java.nio.file.Path;

/**
 * A package lying in a bank's drop folder: a ZIP file, or a folder holding {@code manifest.json}
 * and {@code manifest.sig}.
 *
 * @param path the ZIP or the folder
 * @param bankFolder the name of the bank folder it lies in (the receipt, not this name, says whose
 *     it is)
 * @param fingerprint size and modification times; a package is taken once it stops changing
 */
record Arrival(Path path, String bankFolder, Fingerprint fingerprint) {

  /** What changes while a package is still being copied. */
  record Fingerprint(long files, long bytes, long lastModifiedMillis) {}

  String name() {
    return path.getFileName().toString();
  }
}
