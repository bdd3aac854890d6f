package cn.timebank.app.scoring;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.rating.RatingsCsv;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank ratings --period YYYY-MM}: the period's stored bank compliance ratings as CSV:
 * the five criteria, the total and the grade per bank.
 */
@Component
class RatingsCommand implements Command {

  private final BankRatings ratings;
  private final PrintStream out = System.out;

  RatingsCommand(BankRatings ratings) {
    this.ratings = ratings;
  }

  @Override
  public String name() {
    return "ratings";
  }

  @Override
  public String summary() {
    return "bank compliance ratings as CSV: ratings --period YYYY-MM";
  }

  @Override
  public String usage() {
    return "--period YYYY-MM";
  }

  @Override
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(Option.value("period", "the scored period, e.g. 2026-10"));
  }

  @Override
  public int run(CommandLine line) {
    out.print(RatingsCsv.write(ratings.stored(ScoringCommands.requiredPeriod(line))));
    return 0;
  }
}
