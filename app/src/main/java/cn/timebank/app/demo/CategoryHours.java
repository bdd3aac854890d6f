package cn.timebank.app.demo;

import cn.timebank.standards.minutes.StandardMinutes;
import java.util.Map;
import java.util.TreeMap;

/** Services and standard minutes per unified category of one bank's package. */
final class CategoryHours {

  private final Map<String, long[]> byCategory = new TreeMap<>();
  private int services;
  private int rejected;

  void add(String category, StandardMinutes credited) {
    long[] row = byCategory.computeIfAbsent(category, c -> new long[2]);
    row[0]++;
    row[1] += credited.value();
    services++;
  }

  void reject() {
    services++;
    rejected++;
  }

  int services() {
    return services;
  }

  int rejected() {
    return rejected;
  }

  Map<String, long[]> byCategory() {
    return byCategory;
  }

  StandardMinutes total() {
    return StandardMinutes.of(byCategory.values().stream().mapToLong(r -> r[1]).sum());
  }
}
