package cn.timebank.standards.calendar;

import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.data.StrictNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The official PRC holiday calendar, read from the State Council General Office notices as data
 * ({@code calendar/holidays-cn.yaml}). A year is {@linkplain #covers covered} when its notice is in
 * the data; beyond the covered years no day is a holiday or a make-up working day, so only weekends
 * are non-working days (spec §5).
 *
 * <p>A break that starts in the previous year (the 2024 New Year break from 2023-12-30) makes those
 * days holidays too, although that year is not covered.
 */
public final class OfficialHolidayCalendar implements HolidayCalendar {

  /** The class-path resource of the built-in calendar. */
  public static final String RESOURCE = "calendar/holidays-cn.yaml";

  private final Map<Integer, HolidayNotice> notices;
  private final List<HolidayBreak> breaks;
  private final Set<LocalDate> daysOff = new HashSet<>();
  private final Set<LocalDate> makeUpDays = new HashSet<>();

  OfficialHolidayCalendar(Map<Integer, HolidayNotice> notices, Collection<HolidayBreak> breaks) {
    this.notices = new TreeMap<>(notices);
    this.breaks = List.copyOf(breaks);
    for (HolidayBreak holidayBreak : this.breaks) {
      daysOff.addAll(holidayBreak.daysOff());
      makeUpDays.addAll(holidayBreak.makeUpWorkingDays());
    }
  }

  /** The calendar of the notices shipped with this library. */
  public static OfficialHolidayCalendar builtIn() {
    return Holder.BUILT_IN;
  }

  /** A calendar from a class-path resource in the format of the built-in one. */
  public static OfficialHolidayCalendar fromResource(String resource) {
    return from(DataFiles.readResource(resource));
  }

  /** A calendar from a data file already read; errors name the file and the path. */
  public static OfficialHolidayCalendar from(StrictNode root) {
    return HolidayFileReader.read(Objects.requireNonNull(root, "root"));
  }

  @Override
  public boolean isHoliday(LocalDate day) {
    return daysOff.contains(day);
  }

  @Override
  public boolean isMakeUpWorkingDay(LocalDate day) {
    return makeUpDays.contains(day);
  }

  @Override
  public boolean covers(int year) {
    return notices.containsKey(year);
  }

  /** The notice of a year, when the year is covered. */
  public Optional<HolidayNotice> notice(int year) {
    return Optional.ofNullable(notices.get(year));
  }

  /** Every notice in the data, by year. */
  public List<HolidayNotice> notices() {
    return List.copyOf(notices.values());
  }

  /** Every break in the data, in file order. */
  public List<HolidayBreak> breaks() {
    return breaks;
  }

  /** Loads the built-in calendar once, when first asked for. */
  private static final class Holder {
    static final OfficialHolidayCalendar BUILT_IN = fromResource(RESOURCE);
  }
}
