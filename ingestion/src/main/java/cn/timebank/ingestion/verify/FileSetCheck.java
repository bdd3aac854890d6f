package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import java.util.HashSet;
import java.util.Set;

/**
 * P009: every file the manifest names is in the package, and the package holds nothing else besides
 * {@code manifest.json} and {@code manifest.sig}. Names are compared exactly.
 */
final class FileSetCheck {

  private FileSetCheck() {}

  static void check(OpenedPackage pkg, Manifest manifest) throws Rejection {
    Set<String> expected = new HashSet<>(Set.of(PackageNames.MANIFEST, PackageNames.SIGNATURE));
    for (ManifestFile file : manifest.files()) {
      expected.add(file.name());
      if (!pkg.fileNames().contains(file.name())) {
        throw new Rejection(
            Rejected.inFile(
                ResultCode.P009, file.name(), "named in the manifest but not in the package"));
      }
    }
    for (String name : pkg.fileNames()) {
      if (!expected.contains(name)) {
        throw new Rejection(
            Rejected.inFile(ResultCode.P009, name, "in the package but not named in the manifest"));
      }
    }
  }
}
