package cn.timebank.standards.model;

import static cn.timebank.standards.model.Fixtures.BANK;
import static cn.timebank.standards.model.Fixtures.RESIDENT_ID;
import static cn.timebank.standards.model.Fixtures.SECRET;
import static cn.timebank.standards.model.Fixtures.participant;
import static cn.timebank.standards.model.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.identity.PersonKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantReaderTests {

  private final ParticipantReader reader = new ParticipantReader(BANK, SECRET);

  @Test
  void readsAValidRecordKeepingOnlyTheKeyAndTheMaskedNumber() {
    ReadResult<Participant> result = reader.read(participant());

    assertThat(result.isAccepted()).isTrue();
    Participant p = result.record().orElseThrow();
    assertThat(p.bankCode()).isEqualTo(BANK);
    assertThat(p.personKey()).isEqualTo(PersonKey.of(RESIDENT_ID, SECRET));
    assertThat(p.maskedId()).isEqualTo("110105********" + RESIDENT_ID.substring(14));
    assertThat(p.name()).contains("张三");
    assertThat(p.birthDate()).isEqualTo(LocalDate.of(1950, 3, 7));
    assertThat(p.roles()).isEqualTo(ParticipantRole.BOTH);
    assertThat(p.statusDate()).isEmpty();
    assertThat(p.livesAlone()).isTrue();
    assertThat(p.lowIncome()).isFalse();
    assertThat(p.certificates()).containsExactly("CARE_BASIC", "FIRST_AID");
    assertThat(p.toString()).doesNotContain(RESIDENT_ID);
  }

  @Test
  void treatsMissingNullAndBlankAlikeAsAbsent() {
    Map<String, String> missing = new HashMap<>(participant());
    missing.remove("name");
    missing.remove("certificates");
    Map<String, String> nulls = new HashMap<>(participant());
    nulls.put("name", null);
    nulls.put("certificates", null);

    Participant fromMissing = reader.read(missing).record().orElseThrow();
    assertThat(fromMissing.name()).isEmpty();
    assertThat(fromMissing.certificates()).isEmpty();
    assertThat(reader.read(nulls).record()).contains(fromMissing);
    assertThat(reader.read(with(participant(), "name", "  ", "certificates", "")))
        .isEqualTo(reader.read(missing));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "participant_ref",
        "id_type",
        "id_number",
        "gender",
        "birth_date",
        "region_code",
        "roles",
        "registered_on",
        "status",
        "lives_alone",
        "low_income",
        "disability_level"
      })
  void rejectsAMissingRequiredFieldWithR101(String field) {
    ReadResult<Participant> result = reader.read(with(participant(), field, ""));

    assertThat(result.rejectionCode()).contains(ResultCode.R101);
    assertThat(result.rejection().orElseThrow().field()).isEqualTo(field);
  }

  @Test
  void requiresAStatusDateOnlyWhenNotActive() {
    assertThat(reader.read(with(participant(), "status", "DECEASED")).problems())
        .containsExactly(new FieldProblem("status_date", ResultCode.R101, "is required but empty"));
    assertThat(
            reader
                .read(with(participant(), "status", "LEFT", "status_date", "2026-09-30"))
                .record()
                .orElseThrow()
                .statusDate())
        .contains(LocalDate.of(2026, 9, 30));
  }

  @ParameterizedTest
  @CsvSource({
    "id_type, ID_CARD",
    "gender, m",
    "birth_date, 1950-02-30",
    "birth_date, 1950/03/07",
    "region_code, 31010",
    "region_code, 31010X",
    "roles, ALL",
    "registered_on, 2024-2-1",
    "status, GONE",
    "status_date, yesterday",
    "lives_alone, yes",
    "low_income, 1",
    "disability_level, 5",
    "disability_level, -1",
    "disability_level, 1.5",
    "certificates, CARE_BASIC;first aid",
    "participant_ref, 12345678901234567890123456789012345678901234567890123456789012345",
  })
  void rejectsAMalformedFieldWithR102(String field, String value) {
    ReadResult<Participant> result = reader.read(with(participant(), field, value));

    assertThat(result.problems()).hasSize(1);
    FieldProblem problem = result.problems().get(0);
    assertThat(problem.code()).isEqualTo(ResultCode.R102);
    assertThat(problem.field()).isEqualTo(field);
    assertThat(problem.detail()).startsWith("must be ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"11010519500307123", "1101051950030712345", "11010519500307123Y"})
  void rejectsAMalformedResidentIdWithR102(String number) {
    ReadResult<Participant> result = reader.read(with(participant(), "id_number", number));

    assertThat(result.rejectionCode()).contains(ResultCode.R102);
    assertThat(result.rejection().orElseThrow().detail()).doesNotContain(number);
  }

  @Test
  void rejectsAResidentIdWhoseDigitsAreNoDateWithR102() {
    String noDate = Fixtures.residentId("110105", LocalDate.of(1950, 3, 7), "123");
    noDate = noDate.substring(0, 10) + "13" + noDate.substring(12, 17);
    noDate = noDate + cn.timebank.standards.identity.ResidentIdNumber.checkCharacter(noDate);

    assertThat(reader.read(with(participant(), "id_number", noDate)).rejectionCode())
        .contains(ResultCode.R102);
  }

  @Test
  void reportsDigitsThatAreNoDateAndAWrongCheckCharacterWithR102First() {
    String first17 = "11010519501307123";
    String noDateWrongCheck =
        Fixtures.withWrongCheck(
            first17 + cn.timebank.standards.identity.ResidentIdNumber.checkCharacter(first17));

    ReadResult<Participant> result =
        reader.read(with(participant(), "id_number", noDateWrongCheck));

    assertThat(result.problems())
        .extracting(FieldProblem::code)
        .containsExactly(ResultCode.R102, ResultCode.R108);
  }

  @Test
  void rejectsAWrongCheckCharacterWithR108WithoutShowingTheNumber() {
    String wrong = Fixtures.withWrongCheck(RESIDENT_ID);
    ReadResult<Participant> result = reader.read(with(participant(), "id_number", wrong));

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ResultCode.R108);
              assertThat(problem.field()).isEqualTo("id_number");
              assertThat(problem.detail()).doesNotContain(wrong).doesNotContain("19500307");
            });
  }

  @Test
  void rejectsABirthDateDifferingFromTheResidentIdWithR109() {
    ReadResult<Participant> result = reader.read(with(participant(), "birth_date", "1950-03-08"));

    assertThat(result.rejectionCode()).contains(ResultCode.R109);
    assertThat(result.rejection().orElseThrow().field()).isEqualTo("id_number");
  }

  @Test
  void reportsR108AndR109TogetherWithR108AsTheRejection() {
    ReadResult<Participant> result =
        reader.read(
            with(
                participant(),
                "id_number",
                Fixtures.withWrongCheck(RESIDENT_ID),
                "birth_date",
                "1951-01-01"));

    assertThat(result.problems())
        .extracting(FieldProblem::code)
        .containsExactly(ResultCode.R108, ResultCode.R109);
    assertThat(result.rejectionCode()).contains(ResultCode.R108);
  }

  @Test
  void takesTheLowestCodeAsTheRejectionAndKeepsEveryProblemSortedByCode() {
    ReadResult<Participant> result =
        reader.read(
            with(
                participant(),
                "id_number",
                Fixtures.withWrongCheck(RESIDENT_ID),
                "gender",
                "X",
                "registered_on",
                "",
                "lives_alone",
                "maybe"));

    assertThat(result.isAccepted()).isFalse();
    assertThat(result.rejectionCode()).contains(ResultCode.R101);
    assertThat(result.problems())
        .extracting(FieldProblem::code, FieldProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ResultCode.R101, "registered_on"),
            org.assertj.core.groups.Tuple.tuple(ResultCode.R102, "gender"),
            org.assertj.core.groups.Tuple.tuple(ResultCode.R102, "lives_alone"),
            org.assertj.core.groups.Tuple.tuple(ResultCode.R108, "id_number"));
  }

  @Test
  void acceptsALowerCaseCheckX() {
    String withX = idWithCheckX();
    Participant p =
        reader
            .read(with(participant(), "id_number", withX.toLowerCase(java.util.Locale.ROOT)))
            .record()
            .orElseThrow();

    assertThat(p.personKey()).isEqualTo(PersonKey.of(withX, SECRET));
    assertThat(p.maskedId()).endsWith("X");
  }

  @Test
  void masksAndKeysPassportNumbersToo() {
    Participant p =
        reader
            .read(with(participant(), "id_type", "PASSPORT", "id_number", "E12345678"))
            .record()
            .orElseThrow();

    assertThat(p.idType()).isEqualTo(IdType.PASSPORT);
    assertThat(p.maskedId()).isEqualTo("E1*****78");
    assertThat(p.personKey()).isEqualTo(PersonKey.of("E12345678", SECRET));
  }

  @Test
  void rejectsAnOtherNumberTooShortToMaskWithR102() {
    ReadResult<Participant> result =
        reader.read(with(participant(), "id_type", "OTHER", "id_number", "A12"));

    assertThat(result.rejection()).map(FieldProblem::code).contains(ResultCode.R102);
    assertThat(result.rejection().orElseThrow().detail()).doesNotContain("A12");
  }

  @Test
  void readsJsonNumberTextLikeCsvText() {
    Participant csv = reader.read(with(participant(), "disability_level", "2")).record().get();
    Optional<Participant> json =
        reader.read(with(participant(), "disability_level", "2.0")).record();

    assertThat(json).contains(csv);
    assertThat(csv.disabilityLevel()).isEqualTo(2);
  }

  @Test
  void stripsSurroundingBlanks() {
    assertThat(reader.read(with(participant(), "participant_ref", " P001 ", "gender", "M ")))
        .isEqualTo(reader.read(participant()));
  }

  private static String idWithCheckX() {
    for (int seq = 100; seq < 999; seq++) {
      String id = Fixtures.residentId("110105", Fixtures.BIRTH, String.valueOf(seq));
      if (id.endsWith("X")) {
        return id;
      }
    }
    throw new IllegalStateException("no sequence gives X");
  }
}
