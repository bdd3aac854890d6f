package cn.timebank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorDeterminismTests {

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void sameOptionsGiveByteIdenticalOutput() throws IOException {
    Simulator.run(
        new SimulationOptions(2, 200, 1500, SimulatedWorlds.PERIOD, 7, first, false, 0.03, true));
    Simulator.run(
        new SimulationOptions(2, 200, 1500, SimulatedWorlds.PERIOD, 7, second, false, 0.03, true));

    List<Path> files = files(first);
    assertThat(files).hasSizeGreaterThan(15);
    assertThat(files(second)).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file.toString())
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void foldersHoldTheSameFilesAsZips() throws IOException {
    Path zips = first.resolve("zips");
    Path folders = second.resolve("folders");
    Simulator.run(
        new SimulationOptions(1, 60, 300, SimulatedWorlds.PERIOD, 3, zips, false, 0, false));
    Simulator.run(
        new SimulationOptions(1, 60, 300, SimulatedWorlds.PERIOD, 3, folders, true, 0, false));

    DeliveredPackage zip = DeliveredPackage.read(zips.resolve("310109-001_2026-09_1.zip"));
    DeliveredPackage folder = DeliveredPackage.read(folders.resolve("310109-001_2026-09_1"));
    assertThat(folder.files().keySet()).containsExactlyInAnyOrderElementsOf(zip.files().keySet());
    zip.files()
        .forEach((name, bytes) -> assertThat(folder.files().get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void anotherSeedGivesOtherKeysAndData() throws IOException {
    Simulator.run(
        new SimulationOptions(1, 60, 300, SimulatedWorlds.PERIOD, 3, first, false, 0, false));
    Simulator.run(
        new SimulationOptions(1, 60, 300, SimulatedWorlds.PERIOD, 4, second, false, 0, false));

    assertThat(Files.readAllBytes(second.resolve("registry.json")))
        .isNotEqualTo(Files.readAllBytes(first.resolve("registry.json")));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
