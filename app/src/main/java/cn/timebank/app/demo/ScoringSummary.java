package cn.timebank.app.demo;

import cn.timebank.scoring.finding.Finding;
import cn.timebank.scoring.finding.FindingCode;
import cn.timebank.scoring.rating.BankRating;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Prints what the {@code score} job found: the grade distribution per scorecard subject, the bank
 * ratings table, and the findings grouped by code with the rings the simulator planted marked as
 * such ({@code world.json}).
 */
final class ScoringSummary {

  /** Findings listed per code; the rest are counted. */
  static final int SHOWN_PER_CODE = 4;

  private ScoringSummary() {}

  static void grades(Map<Subject, SortedMap<String, Long>> counts, PrintStream out) {
    TreeSet<String> grades = new TreeSet<>();
    counts.values().forEach(m -> grades.addAll(m.keySet()));
    StringBuilder head = new StringBuilder(String.format("    %-11s", "grade"));
    grades.forEach(g -> head.append(String.format(" %6s", g)));
    out.println(head.append("   total"));
    for (Subject subject : Subject.values()) {
      SortedMap<String, Long> of = counts.getOrDefault(subject, new java.util.TreeMap<>());
      StringBuilder line =
          new StringBuilder(String.format("    %-11s", subject.name().toLowerCase() + "s"));
      grades.forEach(g -> line.append(String.format(" %,6d", of.getOrDefault(g, 0L))));
      long total = of.values().stream().mapToLong(Long::longValue).sum();
      out.println(line.append(String.format("  %,6d", total)));
    }
  }

  static void ratings(List<BankRating> ratings, PrintStream out) {
    out.printf(
        "    %-11s %7s %7s %7s %7s %7s %7s  %s%n",
        "bank", "punct.", "compl.", "accur.", "stabil.", "plaus.", "total", "grade");
    for (BankRating r : ratings) {
      out.printf(
          "    %-11s %7s %7s %7s %7s %7s %7s  %s%n",
          r.bank(),
          r.punctuality(),
          r.completeness(),
          r.accuracy(),
          r.stability(),
          r.plausibility(),
          r.total(),
          r.grade());
    }
  }

  static void findings(List<Finding> findings, PlantedPatterns planted, PrintStream out) {
    Map<FindingCode, List<Finding>> byCode = new EnumMap<>(FindingCode.class);
    findings.forEach(
        f -> byCode.computeIfAbsent(f.code(), c -> new java.util.ArrayList<>()).add(f));
    out.println("    * = a pattern the simulator planted (world.json); - = not planted");
    for (FindingCode code : FindingCode.values()) {
      List<Finding> of = byCode.getOrDefault(code, List.of());
      long plantedFound = of.stream().filter(planted::explains).count();
      out.printf(
          "  %s %s / %s: %d finding(s), %d planted%n",
          code, code.zh(), code.en(), of.size(), plantedFound);
      // planted ones first, then the others, each in the stored order
      List<Finding> shown =
          java.util.stream.Stream.concat(
                  of.stream().filter(planted::explains),
                  of.stream().filter(f -> !planted.explains(f)))
              .toList();
      for (Finding f : shown.subList(0, Math.min(SHOWN_PER_CODE, shown.size()))) {
        Optional<PlantedPatterns.Pattern> ring = planted.of(f);
        out.printf(
            "    %s %-18s %s%n",
            ring.isPresent() ? "*" : "-",
            ring.map(PlantedPatterns.Pattern::type).orElse("not planted"),
            who(f));
      }
      if (shown.size() > SHOWN_PER_CODE) {
        out.printf("      ... %d more%n", shown.size() - SHOWN_PER_CODE);
      }
    }
  }

  /** {@code 310109-001 P000004, P000010 (8 services)}. */
  private static String who(Finding f) {
    String people =
        f.participants().stream()
            .collect(
                Collectors.groupingBy(
                    ParticipantId::bank,
                    java.util.TreeMap::new,
                    Collectors.mapping(ParticipantId::ref, Collectors.joining(", "))))
            .entrySet()
            .stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(" + "));
    return people
        + " ("
        + f.records().size()
        + " service"
        + (f.records().size() == 1 ? "" : "s")
        + ")";
  }
}
