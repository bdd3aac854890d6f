package cn.timebank.app.demo;

import cn.timebank.ingestion.verify.Verified;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.minutes.StandardMinutes;
import java.io.PrintStream;
import java.util.Map;

/** Prints one bank's services and standard hours per unified category. */
final class HoursTable {

  private HoursTable() {}

  static void print(String file, Verified verified, CategoryHours hours, PrintStream out) {
    out.printf(
        "%n  %s  %s  %s %s  (%s%s)%n",
        verified.bank().bankCode().value(),
        verified.bank().name(),
        verified.period(),
        verified.manifest().sequence() == 1 ? "" : "correction " + verified.manifest().sequence(),
        verified.bank().amountBasis(),
        verified.late() ? ", late" : "");
    out.printf(
        "    %,d services in %s; %,d not computable (rejected at ingestion)%n",
        hours.services(), file, hours.rejected());
    out.printf("    %-20s %-16s %9s %12s%n", "category", "名称", "services", "std hours");
    StandardVersions versions = StandardVersions.builtIn();
    for (Map.Entry<String, long[]> row : hours.byCategory().entrySet()) {
      String name =
          versions
              .inForceOn(verified.period().lastDay())
              .category(row.getKey())
              .map(Category::nameZh)
              .orElse("");
      out.printf(
          "    %-20s %-16s %,9d %12s%n",
          row.getKey(), name, row.getValue()[0], StandardMinutes.of(row.getValue()[1]).hoursText());
    }
    out.printf("    %-20s %-16s %9s %12s%n", "total", "合计", "", hours.total().hoursText());
  }
}
