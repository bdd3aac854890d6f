package cn.timebank.standards.model;

import static cn.timebank.standards.model.Fixtures.BANK;
import static cn.timebank.standards.model.Fixtures.BIRTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipantTests {

  private static Participant participant(
      String maskedId, ParticipantStatus status, Optional<LocalDate> statusDate, int disability) {
    return new Participant(
        BANK,
        "P001",
        IdType.RESIDENT_ID,
        Fixtures.key(),
        maskedId,
        Optional.empty(),
        Gender.F,
        BIRTH,
        "310109",
        ParticipantRole.PROVIDER,
        LocalDate.of(2024, 1, 1),
        status,
        statusDate,
        false,
        false,
        disability,
        Set.of("FIRST_AID", "CARE_BASIC"));
  }

  @Test
  void keepsAMaskedIdAndSortedCertificates() {
    Participant p =
        participant("110105********123X", ParticipantStatus.ACTIVE, Optional.empty(), 0);

    assertThat(p.certificates()).containsExactly("CARE_BASIC", "FIRST_AID");
    assertThat(p.holds("CARE_BASIC")).isTrue();
    assertThat(p.ageOn(LocalDate.of(2026, 3, 6))).isEqualTo(75);
    assertThat(p.ageOn(LocalDate.of(2026, 3, 7))).isEqualTo(76);
  }

  @Test
  void refusesARawResidentIdInPlaceOfTheMaskedOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> participant(Fixtures.RESIDENT_ID, ParticipantStatus.ACTIVE, Optional.empty(), 0))
        .withMessageContaining("masked_id");
  }

  @Test
  void requiresAStatusDateWhenNotActive() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> participant("110105********123X", ParticipantStatus.LEFT, Optional.empty(), 0))
        .withMessageContaining("status_date");
    assertThat(
            participant(
                    "110105********123X",
                    ParticipantStatus.LEFT,
                    Optional.of(LocalDate.of(2026, 9, 1)),
                    0)
                .status())
        .isEqualTo(ParticipantStatus.LEFT);
  }

  @Test
  void refusesADisabilityLevelOutsideZeroToFour() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> participant("110105********123X", ParticipantStatus.ACTIVE, Optional.empty(), 5))
        .withMessageContaining("disability_level");
  }

  @Test
  void refusesMissingRequiredFieldsNamingThem() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Participant(
                    BANK,
                    "P001",
                    IdType.RESIDENT_ID,
                    Fixtures.key(),
                    "110105********123X",
                    Optional.empty(),
                    Gender.F,
                    null,
                    "310109",
                    ParticipantRole.PROVIDER,
                    LocalDate.of(2024, 1, 1),
                    ParticipantStatus.ACTIVE,
                    Optional.empty(),
                    false,
                    false,
                    0,
                    Set.of()))
        .withMessage("birth_date is required");
  }

  @Test
  void rolesSayWhoMayProvideAndReceive() {
    assertThat(ParticipantRole.PROVIDER.canProvide()).isTrue();
    assertThat(ParticipantRole.PROVIDER.canReceive()).isFalse();
    assertThat(ParticipantRole.RECIPIENT.canProvide()).isFalse();
    assertThat(ParticipantRole.BOTH.canProvide()).isTrue();
    assertThat(ParticipantRole.BOTH.canReceive()).isTrue();
  }
}
