package cn.timebank.standards.hours;

/** The time band a service starts in (spec §3.3). */
public enum TimeBand {
  /** Neither night nor holiday: factor 1. */
  ORDINARY,
  /** Starts at or after the night band's start, or before its end (22:00-06:00). */
  NIGHT,
  /** Starts on a day off of the official calendar. */
  HOLIDAY
}
