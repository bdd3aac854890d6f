package cn.timebank.app.scoring;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.scoring.store.StoredScore;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank explain BANK PARTICIPANT_REF [--period YYYY-MM]}: a participant's stored scores
 * (latest period by default) with each characteristic's value, bin and partial score, and the
 * reasons in zh-CN and en.
 */
@Component
class ExplainCommand implements Command {

  private final ParticipantScores scores;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  ExplainCommand(ParticipantScores scores) {
    this.scores = scores;
  }

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String summary() {
    return "explain a participant's score: explain BANK PARTICIPANT_REF [--period YYYY-MM]";
  }

  @Override
  public String usage() {
    return "BANK PARTICIPANT_REF [--period YYYY-MM]";
  }

  @Override
  public int maxArguments() {
    return 2;
  }

  @Override
  public List<Option> options() {
    return List.of(Option.value("period", "the scored period (default: the latest)"));
  }

  @Override
  public int run(CommandLine line) {
    ParticipantId id =
        new ParticipantId(
            line.argument(0, "the BANK code"), line.argument(1, "the PARTICIPANT_REF"));
    List<StoredScore> found =
        line.period("period")
            .map(p -> scores.of(id, new cn.timebank.standards.model.Period(p)))
            .orElseGet(() -> scores.latest(id));
    if (found.isEmpty()) {
      err.println(
          "timebank explain: no score stored for "
              + id
              + line.value("period").map(p -> " in " + p).orElse("")
              + "; run ./timebank score --period YYYY-MM first");
      return 1;
    }
    for (StoredScore s : found) {
      out.printf(
          "%s %s  %s  %s  score %d  grade %s  (points %s)%n",
          s.participant(),
          s.period(),
          s.subject(),
          s.cardVersion(),
          s.score(),
          s.grade(),
          s.totalPoints().toPlainString());
      out.printf(
          "  %-24s %-10s %-14s %8s %8s%n", "characteristic", "value", "bin", "points", "baseline");
      for (StoredScore.Part p : s.parts()) {
        out.printf(
            "  %-24s %-10s %-14s %8s %8s%n",
            p.characteristic(),
            p.value() == null ? "(missing)" : p.value(),
            p.bin(),
            p.points().toPlainString(),
            p.baseline().toPlainString());
      }
      if (s.reasons().isEmpty()) {
        out.println("  reasons: none (every characteristic at or above its baseline)");
      }
      for (StoredScore.StoredReason r : s.reasons()) {
        out.printf(
            "  reason %d  %s  -%s  %s / %s%n",
            r.rank(), r.code(), r.points().toPlainString(), r.zh(), r.en());
      }
    }
    return 0;
  }
}
