package cn.timebank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlausibilityTests {

  private final Path out = SimulatedWorlds.faulty();

  @Test
  void mostProvidersAre50To69AndMostRecipients70Plus() {
    List<Integer> providers = new ArrayList<>();
    List<Integer> recipients = new ArrayList<>();
    LocalDate day = SimulatedWorlds.PERIOD.atDay(1);
    for (Path path : DeliveredPackage.list(out)) {
      for (DeliveredPackage.Row p : DeliveredPackage.read(path).rows("PARTICIPANTS")) {
        int age = Period.between(LocalDate.parse(p.get("birth_date")), day).getYears();
        switch (p.get("roles")) {
          case "PROVIDER" -> providers.add(age);
          case "RECIPIENT" -> recipients.add(age);
          default -> {}
        }
      }
    }
    assertThat(providers.stream().filter(a -> a >= 50 && a <= 69).count())
        .isGreaterThan(providers.size() / 2);
    assertThat(recipients.stream().filter(a -> a >= 70).count())
        .isGreaterThan(recipients.size() * 6 / 10);
  }

  @Test
  void servicesAreMostlyCompletedIssuedAndWellRated() {
    DeliveredPackage pkg = DeliveredPackage.read(out.resolve("310109-001_2026-09_1.zip"));
    List<DeliveredPackage.Row> services = pkg.rows("SERVICES");

    assertThat(services.stream().filter(s -> s.get("status").equals("COMPLETED")).count())
        .isGreaterThan(services.size() * 85 / 100);
    assertThat(services.stream().filter(s -> s.get("funding").equals("ISSUED")).count())
        .isGreaterThan(services.size() * 7 / 10);
    assertThat(services.stream().map(s -> s.get("funding")).distinct()).contains("BALANCE", "POOL");
    assertThat(services.stream().filter(s -> s.get("rating").matches("[45]")).count())
        .isGreaterThan(services.size() * 7 / 10);
  }

  @Test
  void worldListsThePlantedPatternsWithTheirServices() {
    JsonNode world = SimulatedWorlds.json(out.resolve("world.json"));
    List<String> types = new ArrayList<>();
    world.get("patterns").forEach(p -> types.add(p.get("type").asString()));

    assertThat(types)
        .contains(
            "RECIPROCAL",
            "CYCLE",
            "PERFECT_RATINGS",
            "LONG_RECORDING_LAG",
            "DAILY_CAP_REPEAT",
            "OVERLAP",
            "CROSS_BANK_OVERLAP");
    assertThat(world.get("transfers").size()).isGreaterThan(0);
    assertThat(world.get("cross_bank_persons").size()).isGreaterThan(0);
    world
        .get("patterns")
        .forEach(
            p -> {
              if (!p.get("type").asString().matches("PERFECT_RATINGS|LONG_RECORDING_LAG")) {
                assertThat(p.get("services").size()).as(p.toString()).isGreaterThan(1);
              }
            });
  }
}
