package cn.timebank.simulator;

import cn.timebank.standards.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One simulated person, kept compact (no strings but the rare overrides) so that hundreds of
 * thousands fit in a small heap. A person is registered in one bank, a few in two (same resident
 * ID, another participant ref).
 */
final class Person {

  static final byte PROVIDER = 1;
  static final byte RECIPIENT = 2;
  static final byte BOTH = 3;

  static final byte CARE_BASIC = 1;
  static final byte NURSING_LICENSE = 2;
  static final byte FIRST_AID = 4;

  static final byte ACTIVE = 0;
  static final byte SUSPENDED = 1;
  static final byte LEFT = 2;
  static final byte DECEASED = 3;

  /** Why a person exists: ordinary, or to carry one injected fault (never used otherwise). */
  enum Kind {
    ORDINARY,
    FAULT
  }

  final int index;
  long idPrefix;
  char idCheck;
  String idOverride;
  boolean passport;
  int birthDay;
  int birthFieldDay;
  boolean male;
  short surname;
  short given;
  boolean olderName;
  byte roles;
  byte certs;
  byte disability;
  boolean livesAlone;
  boolean lowIncome;
  byte status;
  int statusDay;
  int residence;
  Kind kind = Kind.ORDINARY;
  int bank1 = -1;
  int ref1;
  int registered1;
  int bank2 = -1;
  int ref2;
  int registered2;
  int providerSlot = -1;
  boolean nearCap;
  boolean perfectRatings;
  boolean longLag;

  Person(int index) {
    this.index = index;
  }

  boolean isProvider() {
    return (roles & PROVIDER) != 0;
  }

  boolean isRecipient() {
    return (roles & RECIPIENT) != 0;
  }

  boolean has(byte certificate) {
    return (certs & certificate) != 0;
  }

  /** The certificates held, as the participants file names them. */
  Set<String> certificates() {
    return CERTIFICATE_SETS.get(certs);
  }

  /** Certificate names by bit combination, in the order the file lists them. */
  private static final List<List<String>> CERTIFICATE_NAMES =
      IntStream.range(0, 8).mapToObj(Person::names).toList();

  private static final List<Set<String>> CERTIFICATE_SETS =
      CERTIFICATE_NAMES.stream().map(Set::copyOf).toList();

  private static List<String> names(int bits) {
    List<String> names = new ArrayList<>();
    if ((bits & CARE_BASIC) != 0) {
      names.add("CARE_BASIC");
    }
    if ((bits & NURSING_LICENSE) != 0) {
      names.add("NURSING_LICENSE");
    }
    if ((bits & FIRST_AID) != 0) {
      names.add("FIRST_AID");
    }
    return List.copyOf(names);
  }

  boolean isActive() {
    return status == ACTIVE;
  }

  boolean isOrdinary() {
    return kind == Kind.ORDINARY;
  }

  boolean isCrossBank() {
    return bank2 >= 0;
  }

  LocalDate birthDate() {
    return LocalDate.ofEpochDay(birthDay);
  }

  /** Age in whole years on {@code day}. */
  int ageOn(LocalDate day) {
    return java.time.Period.between(birthDate(), day).getYears();
  }

  int refIn(int bank) {
    if (bank1 == bank) {
      return ref1;
    }
    if (bank2 == bank) {
      return ref2;
    }
    return -1;
  }

  int registeredIn(int bank) {
    return bank1 == bank ? registered1 : registered2;
  }

  String idNumber() {
    if (idOverride != null) {
      return idOverride;
    }
    return Long.toString(idPrefix) + idCheck;
  }

  String name() {
    return Names.full(surname, given, male, olderName);
  }

  String rolesText() {
    return switch (roles) {
      case PROVIDER -> "PROVIDER";
      case RECIPIENT -> "RECIPIENT";
      default -> "BOTH";
    };
  }

  String statusText() {
    return switch (status) {
      case SUSPENDED -> "SUSPENDED";
      case LEFT -> "LEFT";
      case DECEASED -> "DECEASED";
      default -> "ACTIVE";
    };
  }

  String certificatesText() {
    return String.join(";", CERTIFICATE_NAMES.get(certs));
  }

  /** Sets a valid resident ID from birthplace, birth date and sequence (odd for men). */
  void assignResidentId(String birthplace, int sequence) {
    String first17 =
        birthplace + LocalDate.ofEpochDay(birthDay).toString().replace("-", "") + pad3(sequence);
    idPrefix = Long.parseLong(first17);
    idCheck = ResidentIdNumber.checkCharacter(first17);
  }

  static String pad3(int n) {
    return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
  }
}
