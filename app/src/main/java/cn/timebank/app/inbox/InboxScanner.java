package cn.timebank.app.inbox;

import cn.timebank.app.inbox.Arrival.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lists the packages in {@code inbox/<bank_code>/}: ZIP files, and folders once they hold {@code
 * manifest.json} and {@code manifest.sig}. Skips {@code done/}, {@code failed/}, hidden entries
 * (names starting with a dot, as copy tools use for partial files) and anything else.
 */
final class InboxScanner {

  static final String DONE = "done";
  static final String FAILED = "failed";

  List<Arrival> scan(Path inbox) {
    List<Arrival> arrivals = new ArrayList<>();
    for (Path bank : list(inbox)) {
      if (!Files.isDirectory(bank) || hidden(bank)) {
        continue;
      }
      String bankFolder = bank.getFileName().toString();
      for (Path entry : list(bank)) {
        String name = entry.getFileName().toString();
        if (hidden(entry) || name.equals(DONE) || name.equals(FAILED)) {
          continue;
        }
        if (Files.isRegularFile(entry) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          arrivals.add(new Arrival(entry, bankFolder, fingerprint(entry)));
        } else if (Files.isDirectory(entry)
            && Files.isRegularFile(entry.resolve("manifest.json"))
            && Files.isRegularFile(entry.resolve("manifest.sig"))) {
          arrivals.add(new Arrival(entry, bankFolder, fingerprint(entry)));
        }
      }
    }
    return arrivals;
  }

  /**
   * What the drop folder holds that is no delivery and never will be: files beside the bank
   * folders, and files in a bank folder other than a ZIP (a package folder still being copied is
   * not one). Names starting with a dot are ignored, as by {@link #scan}.
   */
  List<Path> strays(Path inbox) {
    List<Path> strays = new ArrayList<>();
    for (Path entry : list(inbox)) {
      if (hidden(entry)) {
        continue;
      }
      if (!Files.isDirectory(entry)) {
        strays.add(entry);
        continue;
      }
      for (Path file : list(entry)) {
        String name = file.getFileName().toString();
        if (!hidden(file)
            && !Files.isDirectory(file)
            && !name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          strays.add(file);
        }
      }
    }
    return strays;
  }

  private static Fingerprint fingerprint(Path path) {
    long files = 0;
    long bytes = 0;
    long lastModified = 0;
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
          files++;
          bytes += attributes.size();
        }
        lastModified = Math.max(lastModified, attributes.lastModifiedTime().toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return new Fingerprint(files, bytes, lastModified);
  }

  private static List<Path> list(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }
}
