package cn.timebank.ingestion.rules;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.eligibility.Eligibility;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import java.time.LocalDate;
import java.util.Optional;

/** The checks on the participants a record names: R106, R107, R112. */
final class Parties {

  private Parties() {}

  /** R106: the ref names no registered participant of the bank. */
  static void registered(
      Problems problems, Optional<Participant> found, String field, String ref, BankCode bank) {
    if (found.isEmpty()) {
      problems.add(ResultCode.R106, field, ref + " is not a registered participant of " + bank);
    }
  }

  /**
   * R107: the two refs are the same, or two registrations of the same person (person key); reported
   * on {@code otherField}, the column of {@code otherRef} in its file.
   */
  static void distinct(
      Problems problems,
      String ref,
      Optional<Participant> participant,
      String otherField,
      String otherRef,
      Optional<Participant> other) {
    boolean samePerson =
        ref.equals(otherRef)
            || (participant.isPresent()
                && other.isPresent()
                && participant.get().personKey().equals(other.get().personKey()));
    if (samePerson) {
      problems.add(ResultCode.R107, otherField, ref + " and " + otherRef + " are the same person");
    }
  }

  /** R112: not ACTIVE on the record's day. */
  static void active(Problems problems, Participant participant, LocalDate day, String field) {
    problems.add(
        Eligibility.activeOn(participant.status(), participant.statusDate(), day),
        field,
        participant.participantRef()
            + " is "
            + participant.status()
            + participant.statusDate().map(d -> " since " + d).orElse("")
            + " on "
            + day);
  }
}
