package cn.timebank.ingestion.stream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.ingestion.support.PackageEdits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated world's packages without the records whose rules are for packages only (R110: dated
 * outside the package's period; R113: a ref repeated inside the package), signed again with the
 * banks' keys: what a bank could send both ways.
 */
final class PackageOnlyRecords {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PackageOnlyRecords() {}

  /**
   * The world's good packages without the records whose rules are for packages only, signed again;
   * the next period's package comes after the period's, as the simulator's file names sort them.
   */
  static List<Path> leftOut(Path world, PackageReplay replay, Path editedDir) throws Exception {
    List<Path> edited = new ArrayList<>();
    int droppedRecords = 0;
    List<Path> zips;
    try (Stream<Path> files = Files.list(world)) {
      zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
    }
    for (Path zip : zips) {
      String period = zip.getFileName().toString().split("_")[1];
      Map<String, Set<Long>> dropped = new HashMap<>();
      Set<String> refs = new HashSet<>();
      for (PackageReplay.Event event : replay.prepare(zip).events()) {
        if (!isJson(event) || event.ref() == null) {
          continue;
        }
        JsonNode fields = JSON.readTree(event.value());
        String date =
            fields.has("start")
                ? fields.get("start").asString()
                : fields.has("occurred_at") ? fields.get("occurred_at").asString() : null;
        boolean outsidePeriod = date != null && date.length() >= 7 && !date.startsWith(period);
        boolean repeated = !refs.add(event.topic() + "/" + event.ref());
        if (outsidePeriod || repeated) {
          dropped.computeIfAbsent(event.fileName(), f -> new HashSet<>()).add(event.line());
        }
      }
      droppedRecords += dropped.values().stream().mapToInt(Set::size).sum();
      edited.add(
          PackageEdits.withoutLines(
              zip, dropped, world.resolve("keys"), editedDir.resolve(zip.getFileName())));
    }
    assertThat(droppedRecords).as("the world has package-only records to leave out").isPositive();
    return edited;
  }

  static boolean isJson(PackageReplay.Event event) {
    return new String(event.value(), StandardCharsets.UTF_8).startsWith("{");
  }
}
