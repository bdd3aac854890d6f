package cn.timebank.standards.hours.eligibility;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age in full years (周岁). A person is a year older on their birthday; one born on 29 February is a
 * year older on 1 March in a year without 29 February (as {@link Period#between} counts). The
 * criminal-law reading "from the day after the birthday" is not applied: the spec's "≥ 18 at start"
 * is a civil-law age, reached on the birthday itself.
 */
public final class Ages {

  private Ages() {}

  /** The full years between {@code birthDate} and {@code day}; negative before birth. */
  public static int fullYearsOn(LocalDate birthDate, LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }
}
