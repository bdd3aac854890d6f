package cn.timebank.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.data.DataFileException;
import cn.timebank.standards.data.DataFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The loader refuses a broken scorecard with the file, the path and the problem. */
class ScorecardFileTests {

  private static final String FILE = "provider-2026.1.yaml";

  private static String builtIn() throws IOException {
    try (InputStream in = ScorecardFileTests.class.getResourceAsStream("/scorecards/" + FILE)) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Scorecard read(String yaml) {
    return ScorecardFile.read(
        DataFiles.read(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
  }

  private static String changed(String from, String to) throws IOException {
    String yaml = builtIn();
    assertThat(yaml).contains(from);
    return yaml.replace(from, to);
  }

  @Test
  void readsTheShippedScorecards() {
    Scorecards cards = Scorecards.builtIn();

    assertThat(cards.all())
        .extracting(Scorecard::version)
        .containsExactly("PROVIDER-2026.1", "RECIPIENT-2026.1", "RECIPIENT-2026.2");
    // the recalibrated recipient card from 2026-01; the first stays for the periods before
    assertThat(
            cards
                .inForce(Subject.RECIPIENT, cn.timebank.standards.model.Period.parse("2025-12"))
                .version())
        .isEqualTo("RECIPIENT-2026.1");
    assertThat(
            cards
                .inForce(Subject.RECIPIENT, cn.timebank.standards.model.Period.parse("2026-01"))
                .version())
        .isEqualTo("RECIPIENT-2026.2");
    Scorecard provider =
        cards.inForce(Subject.PROVIDER, cn.timebank.standards.model.Period.parse("2026-10"));
    assertThat(provider.characteristicNames())
        .containsExactly(
            "credited_hours",
            "active_months",
            "completion_rate",
            "rating_bayes",
            "certificates",
            "anomaly_findings");
    assertThat(provider.scaleMin()).isEqualTo(300);
    assertThat(provider.scaleMax()).isEqualTo(900);
    assertThat(provider.reasons().get("PV03").en()).contains("completion rate");
  }

  @Test
  void refusesAGapBetweenBins() throws IOException {
    String yaml = changed("{from: 10, below: 50, points: 80}", "{from: 12, below: 50, points: 80}");

    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            FILE
                + ": $.characteristics[0].bins[1].from: must equal the previous bin's 'below' 10"
                + " (was 12): bins may have no gap and no overlap");
  }

  @Test
  void refusesOverlappingBins() throws IOException {
    String yaml =
        changed("{from: 0.8, below: 0.9, points: 60}", "{from: 0.7, below: 0.9, points: 60}");

    assertThatThrownBy(() -> read(yaml))
        .hasMessageStartingWith(FILE + ": $.characteristics[2].bins[1].from: must equal");
  }

  @Test
  void refusesAClosedLastBin() throws IOException {
    String yaml = changed("{from: 150, points: 150}", "{from: 150, below: 1000, points: 150}");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(
            FILE
                + ": $.characteristics[0].bins[3].below: the last bin must be open above (no 'below')");
  }

  @Test
  void refusesAnUnknownKey() throws IOException {
    String yaml = changed("    baseline: 100\n", "    baseline: 100\n    weight: 2\n");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.characteristics[0].weight: unknown key");
  }

  @Test
  void refusesAReasonCodeThatIsNotDefined() throws IOException {
    String yaml = changed("reason_code: PV01", "reason_code: PV99");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(
            FILE + ": $.characteristics[0].reason_code: is not defined under reasons (was 'PV99')");
  }

  @Test
  void refusesAMissingBaseline() throws IOException {
    String yaml = changed("    baseline: 100\n", "");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.characteristics[0].baseline: is required but missing");
  }

  @Test
  void refusesRangesMixedWithCategories() throws IOException {
    String yaml = changed("{from: 2, points: 110}", "{values: [MANY], points: 110}");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(
            FILE
                + ": $.characteristics[4].bins[2].values: a characteristic's bins are all ranges or"
                + " all categories");
  }

  @Test
  void refusesARepeatedCharacteristic() throws IOException {
    String yaml = changed("- name: active_months", "- name: credited_hours");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.characteristics[1].name: repeats characteristic credited_hours");
  }

  @Test
  void refusesGradesThatDoNotRunDownward() throws IOException {
    String yaml = changed("{grade: C, min: 550}", "{grade: C, min: 700}");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.grades[2].min: grades run from the highest minimum down (was 700)");
  }

  @Test
  void refusesAScaleWhoseMaximumIsNotAboveItsMinimum() throws IOException {
    String yaml = changed("  max: 900", "  max: 300");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.scale.max: must be above min 300 (was 300)");
  }

  @Test
  void refusesAReasonCodeNoCharacteristicUses() throws IOException {
    String yaml = changed("reasons:\n", "reasons:\n  PV09: {zh: 未用, en: unused}\n");

    assertThatThrownBy(() -> read(yaml))
        .hasMessage(FILE + ": $.reasons.PV09: no characteristic uses this reason code");
  }
}
