package cn.timebank.app.demo;

import cn.timebank.scoring.finding.Finding;
import cn.timebank.scoring.finding.FindingCode;
import cn.timebank.scoring.finding.RecordRef;
import cn.timebank.scoring.shared.ParticipantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fraud patterns the simulator planted ({@code world.json}, simulator/README.md "The world"),
 * each mapped to the finding code that should report it, and the rule a finding matches one by.
 */
public record PlantedPatterns(List<PlantedPatterns.Pattern> all) {

  /** The finding code that reports each planted pattern type. */
  public static final Map<String, FindingCode> CODE_OF =
      Map.of(
          "OVERLAP", FindingCode.A301,
          "DAILY_CAP_REPEAT", FindingCode.A302,
          "RECIPROCAL", FindingCode.A303,
          "CYCLE", FindingCode.A304,
          "LONG_RECORDING_LAG", FindingCode.A305,
          "PERFECT_RATINGS", FindingCode.A306,
          "CROSS_BANK_OVERLAP", FindingCode.A307);

  /** One planted pattern: its participants and (where the simulator lists them) services. */
  public record Pattern(
      String type, Set<ParticipantId> participants, Set<RecordRef> services, String description) {

    public FindingCode code() {
      return CODE_OF.get(type);
    }

    /**
     * A finding reports this pattern when it has the pattern's code, names every participant of the
     * pattern and, when the simulator lists the pattern's services, at least one of them (for
     * LONG_RECORDING_LAG it lists none: every service of the provider is part of it; a
     * PERFECT_RATINGS finding also names the provider's ordinary services, all rated 5 too).
     */
    public boolean matches(Finding f) {
      return f.code() == code()
          && f.participants().containsAll(participants)
          && (services.isEmpty() || f.records().stream().anyMatch(services::contains));
    }

    @Override
    public String toString() {
      return type + " " + participants;
    }
  }

  public static PlantedPatterns read(Path worldJson) {
    JsonNode world;
    try {
      world = JsonMapper.builder().build().readTree(Files.readString(worldJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode p : world.get("patterns")) {
      String bank = p.get("bank_code").asString();
      Set<ParticipantId> participants = new TreeSet<>();
      for (JsonNode ref : p.get("participants")) {
        String text = ref.asString();
        int slash = text.indexOf('/');
        participants.add(
            slash < 0
                ? new ParticipantId(bank, text)
                : new ParticipantId(text.substring(0, slash), text.substring(slash + 1)));
      }
      Set<RecordRef> services = new TreeSet<>();
      for (JsonNode s : p.get("services")) {
        services.add(
            RecordRef.service(s.get("bank_code").asString(), s.get("service_ref").asString()));
      }
      patterns.add(
          new Pattern(
              p.get("type").asString(), participants, services, p.get("description").asString()));
    }
    return new PlantedPatterns(List.copyOf(patterns));
  }

  /** Whether a finding reports some planted pattern. */
  public boolean explains(Finding f) {
    return of(f).isPresent();
  }

  /** The first planted pattern a finding reports. */
  public java.util.Optional<Pattern> of(Finding f) {
    return all.stream().filter(p -> p.matches(f)).findFirst();
  }
}
