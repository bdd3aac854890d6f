package cn.timebank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.registry.BankRegistryEntry;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultCoverageTests {

  private final Path out = SimulatedWorlds.faulty();
  private final List<JsonNode> truth = SimulatedWorlds.truth(out);

  @Test
  void truthHoldsEveryRecordCodeAndEveryPackageCode() {
    Set<String> codes =
        truth.stream()
            .map(t -> t.get("code").asString())
            .collect(Collectors.toCollection(TreeSet::new));

    Set<String> expected = new TreeSet<>();
    IntStream.rangeClosed(101, 119).forEach(n -> expected.add("R" + n));
    IntStream.rangeClosed(201, 207).forEach(n -> expected.add("W" + n));
    IntStream.rangeClosed(1, 12).forEach(n -> expected.add(String.format("P%03d", n)));
    assertThat(codes).isEqualTo(expected);
  }

  @Test
  void everyTruthLinePointsAtTheRecordWithItsRef() {
    for (JsonNode t : truth) {
      if (t.get("source").asString().equals("bad-package")) {
        continue;
      }
      DeliveredPackage pkg = DeliveredPackage.read(out.resolve(t.get("package").asString()));
      int line = t.get("line").asInt();
      DeliveredPackage.Row row =
          pkg.rowsOf(t.get("file").asString()).stream()
              .filter(r -> r.line() == line)
              .findFirst()
              .orElseThrow();
      String refField =
          t.get("file").asString().startsWith("services")
              ? "service_ref"
              : t.get("file").asString().startsWith("transactions") ? "txn_ref" : "participant_ref";
      assertThat(row.get(refField)).as(t.toString()).isEqualTo(t.get("ref").asString());
    }
  }

  @Test
  void eachBadPackageFailsOnlyItsOwnCheck() {
    Map<String, BankRegistryEntry> registry = Registered.banks(out);
    List<JsonNode> bad =
        truth.stream().filter(t -> t.get("source").asString().equals("bad-package")).toList();
    assertThat(bad).hasSize(12);
    for (JsonNode t : bad) {
      DeliveredPackage pkg = DeliveredPackage.read(out.resolve(t.get("package").asString()));
      String code = t.get("code").asString();
      String expected = Set.of("P007", "P011", "P012").contains(code) ? null : code;

      assertThat(PackageChecks.firstFailure(pkg, registry, YearMonth.of(2026, 11)).orElse(null))
          .as(t.get("package").asString())
          .isEqualTo(expected);
    }
  }

  @Test
  void withoutErrorRateOnlyThePlantedPatternsHaveCodes() {
    Path clean =
        SimulatedWorlds.simulate(
            SimulatedWorlds.options(SimulatedWorlds.tempDir("sim-clean"), 0, false, false));

    List<JsonNode> lines = SimulatedWorlds.truth(clean);
    assertThat(lines).isNotEmpty();
    assertThat(lines).allMatch(t -> t.get("source").asString().startsWith("pattern:"));
    assertThat(lines.stream().map(t -> t.get("code").asString()).distinct())
        .containsExactlyInAnyOrder("W201", "W204");
  }
}
