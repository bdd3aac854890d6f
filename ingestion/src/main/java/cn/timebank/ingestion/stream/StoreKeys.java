package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.RecordPosition;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.time.LocalDateTime;

/**
 * The string keys of the state stores. Parts are joined by U+001F (unit separator), a control
 * character no ref may contain, so a ref with {@code /} or {@code :} cannot run into the next part
 * and a prefix scan over {@code a␟} never sees {@code ab␟}. The stores order keys by their UTF-8
 * bytes, which is code-point order: a position key ({@link #position}) sorts exactly as {@link
 * RecordPosition#TIME_ORDER} (fixed-width time, then {@code S} before {@code T}, then the ref).
 */
final class StoreKeys {

  static final char SEP = '\u001F';

  /** Above every character that can follow a separator in a key: the end of a range. */
  static final String END = "\uFFFF";

  private StoreKeys() {}

  static String join(Object... parts) {
    StringBuilder key = new StringBuilder();
    for (Object part : parts) {
      if (!key.isEmpty()) {
        key.append(SEP);
      }
      key.append(part);
    }
    return key.toString();
  }

  static String prefix(Object... parts) {
    return join(parts) + SEP;
  }

  static String participant(BankCode bank, String ref) {
    return join(bank, ref);
  }

  static String record(RecordId id) {
    return join(id.bank(), id.kind() == RecordKind.SERVICE ? "S" : "T", id.ref());
  }

  static String account(BankCode bank, Account account) {
    return join(bank, account.kind(), account.participantRef().orElse(""));
  }

  /**
   * A time in the fixed width of {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS} (29 characters), so that
   * keys sort in time order; written digit by digit (a formatter cost a tenth of the ledger
   * thread's time).
   */
  static String time(LocalDateTime at) {
    if (at.getYear() < 0 || at.getYear() > 9999) {
      throw new IllegalArgumentException("a time of year 0 to 9999 (was " + at + ")");
    }
    char[] text = new char[29];
    digits(text, 0, at.getYear(), 4);
    text[4] = '-';
    digits(text, 5, at.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, at.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, at.getHour(), 2);
    text[13] = ':';
    digits(text, 14, at.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, at.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, at.getNano(), 9);
    return new String(text);
  }

  private static void digits(char[] text, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * {@link #time}, a time after the year 9999 as the last instant of 9999: an end index key (such a
   * key still sorts after every earlier start).
   */
  static String endTime(LocalDateTime at) {
    return at.getYear() > 9999
        ? time(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999))
        : time(at);
  }

  static String position(RecordPosition position) {
    return join(
        time(position.at()), position.kind() == RecordKind.SERVICE ? "S" : "T", position.ref());
  }

  // ---- the index store: one prefix per index ----

  /** The index row that says the state took in the ledger of record's packages at its start. */
  static final String SEEDED = join("D", "*");

  /** The index row that says the state took in one package of the ledger of record. */
  static String seeded(String packageId) {
    return join("D", packageId);
  }

  /**
   * The index row that says the live path holds its events for a package being applied (value: the
   * request id it began to hold for).
   */
  static String holding(String packageId) {
    return join("H", packageId);
  }

  /**
   * The index row that says the state took in what a package's run committed before it stopped (its
   * request id): a restarted task does not hold and read it again.
   */
  static String partTaken(String requestId) {
    return join("R", requestId);
  }

  /** The key of the n-th event held while the state takes in the database: sorts in n's order. */
  static String held(long n) {
    String digits = Long.toString(n);
    return "0".repeat(19 - digits.length()) + digits;
  }

  static long heldNumber(String key) {
    return Long.parseLong(key);
  }

  static String participantsOf(PersonKey person) {
    return prefix("P", person.value());
  }

  static String creditedOf(PersonKey person) {
    return prefix("C", person.value());
  }

  static String endedOf(PersonKey person) {
    return prefix("E", person.value());
  }

  static String transfersOf(PersonKey person) {
    return prefix("T", person.value());
  }

  static String usedIn(BankCode bank, Period period) {
    return prefix("U", bank, period);
  }

  static String eventId(BankCode bank, String eventId) {
    return join(bank, eventId);
  }
}
