package cn.timebank.standards.hours;

import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.data.StrictNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every version of the hour standard, read from an index file and the version files it lists (spec
 * §3.9: the version in force at a service's start applies). Versions are listed in order of
 * effective date; each is in force from its {@code effective_from} until the next one's. A version
 * file is refused, with its name, the path and the problem, when it has an unknown key, lacks a
 * number, has a negative one, or takes effect on or before the version listed before it.
 */
public final class StandardVersions {

  /** The index of the standard files shipped with this library. */
  public static final String BUILT_IN_INDEX = "standards/index.yaml";

  private final List<HourStandard> versions;

  private StandardVersions(List<HourStandard> versions) {
    this.versions = List.copyOf(versions);
  }

  /** The shipped versions, read once. */
  public static StandardVersions builtIn() {
    return BuiltIn.VERSIONS;
  }

  /**
   * Reads the index at class-path resource {@code indexResource}. Its entries are relative to the
   * index's folder; an entry starting with {@code /} is a class-path resource.
   */
  public static StandardVersions load(String indexResource) {
    StrictNode index = DataFiles.readResource(indexResource);
    StrictNode list = index.get("versions");
    index.noOtherKeys();
    List<StrictNode> entries = list.elements();
    if (entries.isEmpty()) {
      throw list.error("must list at least one version file");
    }
    String folder = indexResource.substring(0, indexResource.lastIndexOf('/') + 1);
    List<HourStandard> versions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (StrictNode entry : entries) {
      String name = entry.asText();
      String resource = name.startsWith("/") ? name.substring(1) : folder + name;
      StrictNode root = DataFiles.readResource(resource);
      HourStandard standard = StandardFile.read(root);
      if (!names.add(standard.version())) {
        throw root.get("version").error("repeats version " + standard.version() + " of the index");
      }
      if (!versions.isEmpty()) {
        requireLater(root, standard, versions.get(versions.size() - 1));
      }
      versions.add(standard);
    }
    return new StandardVersions(versions);
  }

  private static void requireLater(StrictNode root, HourStandard next, HourStandard previous) {
    if (next.effectiveFrom().equals(previous.effectiveFrom())) {
      throw root.get("effective_from")
          .error(
              "has the same effective date "
                  + next.effectiveFrom()
                  + " as "
                  + previous.version()
                  + ": two versions cannot be in force on one day");
    }
    if (next.effectiveFrom().isBefore(previous.effectiveFrom())) {
      throw root.get("effective_from")
          .error(
              next.effectiveFrom()
                  + " overlaps "
                  + previous.version()
                  + ", listed before it and in force from "
                  + previous.effectiveFrom()
                  + ": the index lists versions in order of effective date");
    }
  }

  /** The version in force on {@code day}; throws when {@code day} is before the first version. */
  public HourStandard inForceOn(LocalDate day) {
    return findInForceOn(day)
        .orElseThrow(
            () -> {
              HourStandard first = versions.get(0);
              return new IllegalArgumentException(
                  "no hour standard is in force on "
                      + day
                      + ": the first, "
                      + first.version()
                      + ", takes effect on "
                      + first.effectiveFrom());
            });
  }

  /** The version in force on {@code day}; empty when {@code day} is before the first version. */
  public Optional<HourStandard> findInForceOn(LocalDate day) {
    HourStandard inForce = null;
    for (HourStandard standard : versions) {
      if (!standard.effectiveFrom().isAfter(day)) {
        inForce = standard;
      }
    }
    return Optional.ofNullable(inForce);
  }

  /** The version named {@code version}, e.g. {@code TBHS-2024.1}. */
  public Optional<HourStandard> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }

  /** Every version, oldest first. */
  public List<HourStandard> all() {
    return versions;
  }

  private static final class BuiltIn {
    static final StandardVersions VERSIONS = load(BUILT_IN_INDEX);
  }
}
