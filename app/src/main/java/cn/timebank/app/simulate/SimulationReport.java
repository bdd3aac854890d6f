package cn.timebank.app.simulate;

import cn.timebank.simulator.SimulationResult;
import cn.timebank.simulator.SimulationResult.BankSummary;
import java.io.PrintStream;

/** Prints what a simulation wrote: one line per bank, then the extras. */
public final class SimulationReport {

  private SimulationReport() {}

  public static void print(SimulationResult result, PrintStream out) {
    out.printf("Simulated %d banks into %s%n", result.banks().size(), result.out());
    for (BankSummary bank : result.banks()) {
      out.printf(
          "  %s  %-22s %-11s %-7s %-5s %s%n",
          bank.code(),
          bank.name(),
          bank.amountBasis(),
          bank.encoding(),
          bank.format(),
          bank.records());
    }
    out.printf(
        "  registry.json, keys/, truth.jsonl (%d expected codes)%s%n",
        result.truthLines(),
        result.badPackages().isEmpty()
            ? ""
            : ", bad/ (" + result.badPackages().size() + " broken packages)");
  }
}
