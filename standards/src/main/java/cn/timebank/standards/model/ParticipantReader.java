package cn.timebank.standards.model;

import static cn.timebank.standards.model.RawFields.Need.OPTIONAL;
import static cn.timebank.standards.model.RawFields.Need.REQUIRED;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.identity.PersonKeySecret;
import cn.timebank.standards.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a PARTICIPANTS record (spec §2) of one bank.
 *
 * <p>Required (R101 when empty): {@code participant_ref}, {@code id_type}, {@code id_number},
 * {@code gender}, {@code birth_date}, {@code region_code}, {@code roles}, {@code registered_on},
 * {@code status}, {@code lives_alone}, {@code low_income}, {@code disability_level}; {@code
 * status_date} when the status is not ACTIVE. Optional: {@code name}, {@code certificates} (empty =
 * none). Decision: the flags and the disability level are required rather than defaulted, so an
 * unknown value is never silently read as "no"; a non-active status needs its date because R112
 * asks whether the participant was active on a service's date.
 *
 * <p>{@code id_number}: a RESIDENT_ID that is not 17 digits and a digit or X, or whose digits 7-14
 * are not a date, is R102; a wrong check character is R108; digits 7-14 differing from {@code
 * birth_date} is R109. All that apply are reported (R108 and R109 together, say), the lowest first.
 * A PASSPORT or OTHER number is 6 to 32 letters, digits, {@code -}, {@code (} or {@code )} (R102
 * otherwise).
 */
public final class ParticipantReader implements RecordReader<Participant> {

  private static final DateTimeFormatter ID_BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern RESIDENT_ID_FORMAT = Pattern.compile("\\d{17}[\\dX]");

  private final BankCode bank;
  private final PersonKeySecret secret;

  public ParticipantReader(BankCode bank, PersonKeySecret secret) {
    this.bank = Checks.present(bank, "bank_code");
    this.secret = Checks.present(secret, "person-key secret");
  }

  @Override
  public FileType fileType() {
    return FileType.PARTICIPANTS;
  }

  @Override
  public ReadResult<Participant> read(Map<String, String> raw) {
    RawFields f = new RawFields(raw);
    Optional<String> ref = f.ref("participant_ref", REQUIRED);
    Optional<IdType> idType = f.enumValue("id_type", IdType.class, REQUIRED);
    Optional<String> idNumber = f.text("id_number", REQUIRED);
    Optional<String> name = f.text("name", OPTIONAL);
    Optional<Gender> gender = f.enumValue("gender", Gender.class, REQUIRED);
    Optional<LocalDate> birthDate = f.date("birth_date", REQUIRED);
    Optional<String> region = f.region("region_code", REQUIRED);
    Optional<ParticipantRole> roles = f.enumValue("roles", ParticipantRole.class, REQUIRED);
    Optional<LocalDate> registeredOn = f.date("registered_on", REQUIRED);
    Optional<ParticipantStatus> status = f.enumValue("status", ParticipantStatus.class, REQUIRED);
    boolean inactive = status.isPresent() && status.get() != ParticipantStatus.ACTIVE;
    Optional<LocalDate> statusDate = f.date("status_date", inactive ? REQUIRED : OPTIONAL);
    Optional<Boolean> livesAlone = f.yesNo("lives_alone", REQUIRED);
    Optional<Boolean> lowIncome = f.yesNo("low_income", REQUIRED);
    Optional<Long> disability = f.whole("disability_level", 0, 4, REQUIRED);
    Set<String> certificates = f.codes("certificates");
    if (idType.isPresent() && idNumber.isPresent()) {
      checkIdNumber(f, idType.get(), idNumber.get(), birthDate);
    }
    if (f.hasProblems()) {
      return ReadResult.rejected(f.problems());
    }
    IdType type = idType.orElseThrow();
    String number = idNumber.orElseThrow();
    PersonKey key =
        type == IdType.RESIDENT_ID
            ? ResidentIdNumber.parse(number).personKey(secret)
            : PersonKey.of(number, secret);
    return ReadResult.accepted(
        new Participant(
            bank,
            ref.orElseThrow(),
            type,
            key,
            IdMasking.mask(type, number),
            name,
            gender.orElseThrow(),
            birthDate.orElseThrow(),
            region.orElseThrow(),
            roles.orElseThrow(),
            registeredOn.orElseThrow(),
            status.orElseThrow(),
            statusDate,
            livesAlone.orElseThrow(),
            lowIncome.orElseThrow(),
            disability.orElseThrow().intValue(),
            certificates));
  }

  /**
   * The id_number rules; no detail ever shows the number. Each check runs on its own (not through
   * {@link ResidentIdNumber#problemOf}, which stops at the first), so that every problem is
   * reported and the lowest code wins.
   */
  private static void checkIdNumber(
      RawFields f, IdType type, String number, Optional<LocalDate> birthDate) {
    if (type != IdType.RESIDENT_ID) {
      if (!IdMasking.OTHER_NUMBER.matcher(number).matches()) {
        f.problem(
            "id_number",
            ResultCode.R102,
            "a " + type + " number must be 6 to 32 letters, digits, '-', '(' or ')'");
      }
      return;
    }
    String text = number.toUpperCase(Locale.ROOT);
    if (!RESIDENT_ID_FORMAT.matcher(text).matches()) {
      f.problem(
          "id_number",
          ResultCode.R102,
          "a resident ID must be 18 characters: 17 digits, then a digit or X");
      return;
    }
    Optional<LocalDate> idBirth = birthDigits(text);
    if (idBirth.isEmpty()) {
      f.problem("id_number", ResultCode.R102, "digits 7-14 of the resident ID are not a date");
    }
    if (ResidentIdNumber.checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
      f.problem(
          "id_number", ResultCode.R108, "the check character does not match (ISO 7064 MOD 11-2)");
    }
    if (idBirth.isPresent() && birthDate.isPresent() && !idBirth.get().equals(birthDate.get())) {
      f.problem(
          "id_number", ResultCode.R109, "digits 7-14 of the resident ID differ from birth_date");
    }
  }

  private static Optional<LocalDate> birthDigits(String text) {
    try {
      return Optional.of(LocalDate.parse(text.substring(6, 14), ID_BIRTH));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
