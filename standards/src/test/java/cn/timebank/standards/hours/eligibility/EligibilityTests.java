package cn.timebank.standards.hours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.ParticipantStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTests {

  private static final LocalDateTime START = LocalDateTime.of(2026, 10, 13, 9, 0);

  private final HourStandard standard = StandardVersions.builtIn().inForceOn(START.toLocalDate());
  private final Eligibility eligibility = new Eligibility(standard);

  @Test
  void acceptsAProviderOnTheir18thBirthdayAndRejectsTheDayBeforeWithR111() {
    assertThat(eligibility.provider(LocalDate.of(2008, 10, 13), START)).isEmpty();
    assertThat(eligibility.provider(LocalDate.of(2008, 10, 14), START)).contains(ResultCode.R111);
  }

  @Test
  void makesSomeoneBornOn29FebruaryAYearOlderOn1MarchInOtherYears() {
    LocalDate leapling = LocalDate.of(2008, 2, 29);

    assertThat(Ages.fullYearsOn(leapling, LocalDate.of(2026, 2, 28))).isEqualTo(17);
    assertThat(Ages.fullYearsOn(leapling, LocalDate.of(2026, 3, 1))).isEqualTo(18);
    assertThat(Ages.fullYearsOn(leapling, LocalDate.of(2028, 2, 29))).isEqualTo(20);
    assertThat(eligibility.provider(leapling, LocalDateTime.of(2026, 2, 28, 23, 0)))
        .contains(ResultCode.R111);
    assertThat(eligibility.provider(leapling, LocalDateTime.of(2026, 3, 1, 0, 0))).isEmpty();
  }

  @Test
  void letsARecipientRedeemTheirBalanceFrom60AndRejectsYoungerOnesWithR117() {
    assertThat(eligibility.redemption(Funding.BALANCE, LocalDate.of(1966, 10, 13), START))
        .isEmpty();
    assertThat(eligibility.redemption(Funding.BALANCE, LocalDate.of(1966, 10, 14), START))
        .contains(ResultCode.R117);
    assertThat(eligibility.redemption(Funding.ISSUED, LocalDate.of(1990, 1, 1), START)).isEmpty();
  }

  @Test
  void warnsW206ForIssuedOrPoolServiceToAYoungerRecipientWithoutDisability() {
    LocalDate fiftyNine = LocalDate.of(1966, 10, 14);
    LocalDate sixty = LocalDate.of(1966, 10, 13);

    assertThat(eligibility.recipient(Funding.ISSUED, fiftyNine, 0, START))
        .contains(ResultCode.W206);
    assertThat(eligibility.recipient(Funding.POOL, fiftyNine, 0, START)).contains(ResultCode.W206);
    assertThat(eligibility.recipient(Funding.ISSUED, fiftyNine, 2, START)).isEmpty();
    assertThat(eligibility.recipient(Funding.ISSUED, sixty, 0, START)).isEmpty();
    assertThat(eligibility.recipient(Funding.BALANCE, fiftyNine, 0, START)).isEmpty();
  }

  @Test
  void rejectsAProviderWithoutTheCertificateTheCategoryRequiresWithR116() {
    var personalCare = standard.category("PERSONAL_CARE").orElseThrow();
    var livingAssist = standard.category("LIVING_ASSIST").orElseThrow();

    assertThat(Eligibility.qualification(personalCare, Set.of("FIRST_AID")))
        .contains(ResultCode.R116);
    assertThat(Eligibility.qualification(personalCare, Set.of("FIRST_AID", "CARE_BASIC")))
        .isEmpty();
    assertThat(Eligibility.qualification(livingAssist, Set.of())).isEqualTo(Optional.empty());
  }

  @Test
  void rejectsR112FromTheStatusDateOfASuspendedLeftOrDeceasedParticipant() {
    LocalDate left = LocalDate.of(2026, 10, 13);

    for (ParticipantStatus status :
        new ParticipantStatus[] {
          ParticipantStatus.SUSPENDED, ParticipantStatus.LEFT, ParticipantStatus.DECEASED
        }) {
      assertThat(Eligibility.activeOn(status, Optional.of(left), left.minusDays(1))).isEmpty();
      assertThat(Eligibility.activeOn(status, Optional.of(left), left)).contains(ResultCode.R112);
    }
    assertThat(Eligibility.activeOn(ParticipantStatus.ACTIVE, Optional.of(left), left.plusDays(9)))
        .isEmpty();
    assertThat(Eligibility.activeOn(ParticipantStatus.LEFT, Optional.empty(), left))
        .contains(ResultCode.R112);
  }
}
