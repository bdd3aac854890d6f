package cn.timebank.scoring.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.model.Period;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class FindingRulesFileTests {

  private static final String FILE = "findings-2026.1.yaml";

  private static String builtIn() throws IOException {
    try (InputStream in = FindingRulesFileTests.class.getResourceAsStream("/findings/" + FILE)) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static FindingRules read(String yaml) {
    return FindingRulesFile.read(
        DataFiles.read(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void readsTheShippedThresholds() {
    FindingRules rules = FindingRulesFile.builtIn().inForce(Period.parse("2026-10"));

    assertThat(rules.version()).isEqualTo("FINDINGS-2026.1");
    assertThat(rules.a301().minOverlapMinutes()).isEqualTo(1);
    assertThat(rules.a302().minCapDays()).isEqualTo(3);
    assertThat(rules.a303().maxDifference()).isEqualByComparingTo(new BigDecimal("0.25"));
    assertThat(rules.a303().minShare()).isEqualByComparingTo(new BigDecimal("0.25"));
    assertThat(rules.a304().windowDays()).isEqualTo(30);
    assertThat(rules.a305().maxLagDays()).isEqualTo(7);
    assertThat(rules.a306().minRatings()).isEqualTo(10);
  }

  @Test
  void refusesAShareAboveOne() throws IOException {
    String yaml = builtIn().replace("min_share: 0.25", "min_share: 1.5");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.A303.min_share: must be at most 1 (was 1.5)");
  }

  @Test
  void refusesALagBeyondNinetyNineDays() throws IOException {
    String yaml = builtIn().replace("max_lag_days: 7 ", "max_lag_days: 120 ");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.A305.max_lag_days: must be at most 99 days (was 120)");
  }

  @Test
  void refusesAMissingThreshold() throws IOException {
    String yaml = builtIn().replace("  min_cap_days: 3", "  min_days: 3");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.A302.min_cap_days: is required but missing");
  }
}
