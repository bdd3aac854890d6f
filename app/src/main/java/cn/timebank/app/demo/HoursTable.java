package cn.timebank.app.demo;

import cn.timebank.ledger.store.CategoryTotals.CategoryTotal;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.minutes.StandardMinutes;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints one bank's standard hours per unified category, from its canonical services in the
 * database (current, completed): weighted hours as the standard computes them, and the hours
 * credited after the daily cap.
 */
final class HoursTable {

  private HoursTable() {}

  static void print(List<CategoryTotal> rows, HourStandard standard, PrintStream out) {
    out.printf(
        "    %-20s %-16s %9s %12s %12s%n", "category", "名称", "services", "std hours", "credited");
    long services = 0;
    long weighted = 0;
    long credited = 0;
    for (CategoryTotal row : rows) {
      String name = standard.category(row.category()).map(Category::nameZh).orElse("");
      out.printf(
          "    %-20s %-16s %,9d %12s %12s%n",
          row.category(),
          name,
          row.services(),
          StandardMinutes.of(row.weightedMinutes()).hoursText(),
          StandardMinutes.of(row.creditedMinutes()).hoursText());
      services += row.services();
      weighted += row.weightedMinutes();
      credited += row.creditedMinutes();
    }
    out.printf(
        "    %-20s %-16s %,9d %12s %12s%n",
        "total",
        "合计",
        services,
        StandardMinutes.of(weighted).hoursText(),
        StandardMinutes.of(credited).hoursText());
  }
}
