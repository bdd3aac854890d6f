package cn.timebank.standards.calendar;

import cn.timebank.standards.data.StrictNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a holiday file ({@code calendar/holidays-cn.yaml}) and checks it: each break has the length
 * the notice states, no day is both off and a make-up working day, make-up days fall on a weekend,
 * no year or day appears twice, no unknown key. Errors name the file and the path.
 */
final class HolidayFileReader {

  /** Where each date was listed, so that a clash can name both places. */
  private final Map<LocalDate, String> daysOff = new HashMap<>();

  private final Map<LocalDate, String> makeUpDays = new HashMap<>();
  private final Map<Integer, HolidayNotice> notices = new HashMap<>();
  private final List<HolidayBreak> breaks = new ArrayList<>();

  static OfficialHolidayCalendar read(StrictNode root) {
    HolidayFileReader reader = new HolidayFileReader();
    for (StrictNode year : root.get("years").elements()) {
      reader.readYear(year);
    }
    root.noOtherKeys();
    return new OfficialHolidayCalendar(reader.notices, reader.breaks);
  }

  private void readYear(StrictNode node) {
    StrictNode yearNode = node.get("year");
    int year = yearNode.asPositiveInt();
    if (notices.containsKey(year)) {
      throw yearNode.error("the year " + year + " is listed twice");
    }
    notices.put(year, readNotice(year, node.get("notice")));
    for (StrictNode breakNode : node.get("breaks").elements()) {
      breaks.add(readBreak(year, breakNode));
    }
    node.noOtherKeys();
  }

  private static HolidayNotice readNotice(int year, StrictNode node) {
    String title = node.get("title").asText();
    Optional<String> number = node.optional("document_number").map(StrictNode::asText);
    StrictNode issuedNode = node.get("issued");
    LocalDate issued = issuedNode.asDate();
    node.noOtherKeys();
    if (issued.getYear() > year) {
      throw issuedNode.error("the notice of " + year + " cannot be issued in " + issued.getYear());
    }
    return new HolidayNotice(year, title, number, issued);
  }

  private HolidayBreak readBreak(int year, StrictNode node) {
    String holiday = node.get("holiday").asText();
    node.get("as_notice_states").asText();
    LocalDate from = node.get("from").asDate();
    StrictNode toNode = node.get("to");
    LocalDate to = toNode.asDate();
    if (to.isBefore(from)) {
      throw toNode.error("the break ends (" + to + ") before it starts (" + from + ")");
    }
    if (to.getYear() != year) {
      throw toNode.error("a break of the notice of " + year + " must end in " + year);
    }
    StrictNode daysNode = node.get("days");
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (daysNode.asPositiveInt() != days) {
      throw daysNode.error(
          "the break from "
              + from
              + " to "
              + to
              + " has "
              + days
              + " days, not "
              + daysNode.asLong());
    }
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (makeUpDays.containsKey(day)) {
        throw node.error(
            day + " is a day off here and a make-up working day at " + makeUpDays.get(day));
      }
      String earlier = daysOff.putIfAbsent(day, node.path());
      if (earlier != null) {
        throw node.error(day + " is already a day off at " + earlier);
      }
    }
    List<LocalDate> makeUp = new ArrayList<>();
    Optional<StrictNode> makeUpNode = node.optional("make_up_working_days");
    for (StrictNode dayNode : makeUpNode.map(StrictNode::elements).orElse(List.of())) {
      LocalDate day = dayNode.asDate();
      if (!HolidayBreak.isWeekend(day)) {
        throw dayNode.error(
            "a make-up working day must be a Saturday or Sunday ("
                + day
                + " is a "
                + day.getDayOfWeek()
                + ")");
      }
      if (daysOff.containsKey(day)) {
        throw dayNode.error(
            day + " is a make-up working day here and a day off at " + daysOff.get(day));
      }
      String earlier = makeUpDays.putIfAbsent(day, dayNode.path());
      if (earlier != null) {
        throw dayNode.error(day + " is already a make-up working day at " + earlier);
      }
      makeUp.add(day);
    }
    node.noOtherKeys();
    return new HolidayBreak(holiday, from, to, makeUp);
  }
}
