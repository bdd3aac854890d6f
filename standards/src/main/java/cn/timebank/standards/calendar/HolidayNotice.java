package cn.timebank.standards.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The State Council General Office notice that fixes one year's holidays (国务院办公厅关于…年部分节假日安排的通知).
 *
 * @param year the year whose holidays the notice arranges
 * @param title the notice's title
 * @param documentNumber its document number (国办发明电…), when the data names it
 * @param issued the day the notice was issued
 */
public record HolidayNotice(
    int year, String title, Optional<String> documentNumber, LocalDate issued) {

  public HolidayNotice {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(documentNumber, "documentNumber");
    Objects.requireNonNull(issued, "issued");
    if (title.isBlank()) {
      throw new IllegalArgumentException("a notice has a title");
    }
    if (issued.getYear() > year) {
      throw new IllegalArgumentException(
          "the notice of " + year + " cannot be issued in " + issued.getYear());
    }
  }
}
