package cn.timebank.standards.model;

import cn.timebank.standards.identity.PersonKey;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A participant as the regulator keeps it (spec §2 PARTICIPANTS): never the raw identity number,
 * only the cross-bank {@link PersonKey} and the {@link IdMasking masked} form.
 *
 * <p>{@code statusDate} is required when the status is not {@code ACTIVE} (from when the
 * participant stopped being active); for an active participant it is optional.
 *
 * @param roles spec column {@code roles}: one of PROVIDER, RECIPIENT, BOTH
 * @param disabilityLevel 0 (none) to 4
 * @param certificates certificate codes such as {@code CARE_BASIC}, possibly none
 */
public record Participant(
    BankCode bankCode,
    String participantRef,
    IdType idType,
    PersonKey personKey,
    String maskedId,
    Optional<String> name,
    Gender gender,
    LocalDate birthDate,
    String regionCode,
    ParticipantRole roles,
    LocalDate registeredOn,
    ParticipantStatus status,
    Optional<LocalDate> statusDate,
    boolean livesAlone,
    boolean lowIncome,
    int disabilityLevel,
    Set<String> certificates) {

  /** A certificate code: upper-case letters, digits and underscores, e.g. {@code FIRST_AID}. */
  static final Pattern CERTIFICATE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public Participant {
    Checks.present(bankCode, "bank_code");
    Checks.ref(participantRef, "participant_ref");
    Checks.present(idType, "id_type");
    Checks.present(personKey, "person_key");
    if (!IdMasking.isMasked(idType, maskedId)) {
      throw new IllegalArgumentException(
          "masked_id must be the masked form of a " + idType + " number, never the raw number");
    }
    Checks.optional(name, "name")
        .ifPresent(
            n -> {
              if (n.isBlank()) {
                throw new IllegalArgumentException("name must not be blank when present");
              }
            });
    Checks.present(gender, "gender");
    Checks.present(birthDate, "birth_date");
    Checks.region(regionCode, "region_code");
    Checks.present(roles, "roles");
    Checks.present(registeredOn, "registered_on");
    Checks.present(status, "status");
    Checks.optional(statusDate, "status_date");
    if (status != ParticipantStatus.ACTIVE && statusDate.isEmpty()) {
      throw new IllegalArgumentException("status_date is required when status is " + status);
    }
    if (disabilityLevel < 0 || disabilityLevel > 4) {
      throw new IllegalArgumentException(
          "disability_level must be 0 to 4 (was " + disabilityLevel + ")");
    }
    Checks.present(certificates, "certificates");
    SortedSet<String> sorted = new TreeSet<>();
    for (String certificate : certificates) {
      if (certificate == null || !CERTIFICATE.matcher(certificate).matches()) {
        throw new IllegalArgumentException(
            "certificates must be codes like CARE_BASIC (was '" + certificate + "')");
      }
      sorted.add(certificate);
    }
    certificates = Collections.unmodifiableSortedSet(sorted);
  }

  /** Age in whole years on a day (a birthday counts from its day; 29 February from 1 March). */
  public int ageOn(LocalDate day) {
    return java.time.Period.between(birthDate, day).getYears();
  }

  public boolean holds(String certificate) {
    return certificates.contains(certificate);
  }
}
