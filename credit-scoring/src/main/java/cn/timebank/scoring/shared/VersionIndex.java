package cn.timebank.scoring.shared;

import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.data.StrictNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a versioned data set the way the hour standard is read ({@code standards/index.yaml}): an
 * index file lists the version files in order of effective date, {@code versions: [a.yaml, ...]};
 * an entry is relative to the index's folder, or a class-path resource when it starts with {@code
 * /}. Each file is read with {@code reader}; a repeated version is refused naming the file.
 */
public final class VersionIndex {

  /** A version of a data file, in force from its effective date until the next one's. */
  public interface Versioned {
    String version();

    LocalDate effectiveFrom();
  }

  private VersionIndex() {}

  public static <T extends Versioned> List<T> load(
      String indexResource, Function<StrictNode, T> reader) {
    StrictNode index = DataFiles.readResource(indexResource);
    StrictNode list = index.get("versions");
    index.noOtherKeys();
    List<StrictNode> entries = list.elements();
    if (entries.isEmpty()) {
      throw list.error("must list at least one version file");
    }
    String folder = indexResource.substring(0, indexResource.lastIndexOf('/') + 1);
    List<T> out = new ArrayList<>();
    Set<String> versions = new HashSet<>();
    for (StrictNode entry : entries) {
      String name = entry.asText();
      StrictNode root =
          DataFiles.readResource(name.startsWith("/") ? name.substring(1) : folder + name);
      T item = reader.apply(root);
      if (!versions.add(item.version())) {
        throw root.get("version").error("repeats version " + item.version() + " of the index");
      }
      out.add(item);
    }
    return List.copyOf(out);
  }

  /**
   * Of {@code all} (any order), the one with the latest effective date on or before {@code day};
   * throws when none is in force yet.
   */
  public static <T extends Versioned> T inForceOn(List<T> all, LocalDate day, String what) {
    T inForce = null;
    for (T item : all) {
      if (!item.effectiveFrom().isAfter(day)
          && (inForce == null || item.effectiveFrom().isAfter(inForce.effectiveFrom()))) {
        inForce = item;
      }
    }
    if (inForce == null) {
      throw new IllegalArgumentException("no " + what + " is in force on " + day);
    }
    return inForce;
  }
}
