package cn.timebank.simulator;

import java.util.Map;

/**
 * How the simulated banks use each unified category (not part of the standard): how often it occurs
 * among ordinary services, how long a service of it plausibly lasts, and whether it is given at
 * night. Categories of a later catalogue unknown here are never drawn.
 */
final class CategoryHabits {

  /** One category's habits: relative frequency, shortest and longest actual minutes, night. */
  record Habit(int frequency, int minActual, int maxActual, boolean night) {}

  private static final Map<String, Habit> HABITS =
      Map.of(
          "LIVING_ASSIST", new Habit(30, 60, 150, true),
          "PERSONAL_CARE", new Habit(8, 45, 120, true),
          "MEDICAL_ESCORT", new Habit(10, 90, 180, false),
          "EMOTIONAL_SUPPORT", new Habit(14, 30, 90, true),
          "ERRANDS", new Habit(12, 30, 90, false),
          "SAFETY_VISIT", new Habit(10, 30, 45, true),
          "CULTURE_RECREATION", new Habit(5, 60, 120, false),
          "HEALTH_EDUCATION", new Habit(4, 60, 120, false),
          "TECH_HELP", new Habit(5, 30, 90, false),
          "SKILLED_NURSING", new Habit(2, 60, 120, true));

  private static final Habit NEVER = new Habit(0, 60, 60, false);

  private CategoryHabits() {}

  /** The habits of a unified category code; frequency 0 for a code the simulator does not know. */
  static Habit of(String code) {
    return HABITS.getOrDefault(code, NEVER);
  }
}
