package cn.timebank.ingestion.verify;

import java.util.Optional;

/**
 * The file names of a package: the two named extras, and which entry names are safe. A package is
 * flat: every file sits at its root, with a plain name.
 */
final class PackageNames {

  static final String MANIFEST = "manifest.json";
  static final String SIGNATURE = "manifest.sig";

  private PackageNames() {}

  /** Why an entry name is unsafe or not a plain file name at the root, or empty when it is fine. */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("an entry has an empty name");
    }
    if (name.indexOf('\\') >= 0) {
      return Optional.of("entry '" + name + "' contains a backslash");
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      return Optional.of("entry '" + name + "' is an absolute path");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        return Optional.of("entry '" + name + "' climbs out of the package with '..'");
      }
    }
    if (name.indexOf('/') >= 0) {
      return Optional.of("entry '" + name + "' is in a folder; files must sit at the root");
    }
    if (name.equals(".") || name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("entry '" + name.replaceAll("\\p{Cntrl}", "?") + "' is not a file name");
    }
    return Optional.empty();
  }
}
