package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.Outcomes.accepted;
import static cn.timebank.ingestion.rules.Outcomes.rejected;
import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.DAY;
import static cn.timebank.ingestion.rules.World.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.ParticipantStatus;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.ServiceStatus;
import cn.timebank.standards.model.TransactionType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class ServiceRulesContract extends StateContract {

  private final World world = newWorld();

  @BeforeEach
  void registerProviderAndRecipient() {
    world.participants(
        pkg(A), World.participant(A, "P1", "alice"), World.elder(A, "R1", "grandma"));
  }

  private Outcome service(Service service) {
    return world.service(pkg(A), service);
  }

  private static Service at(String ref, String category, int hour, int minute, int minutes) {
    LocalDateTime start = DAY.atTime(hour, minute);
    return World.service(A, ref, "P1", "R1", category, start, start.plusMinutes(minutes));
  }

  @Test
  void creditsTheWorkedExamples399MinutesToTheProviderAndDebitsIssuance() {
    accepted(service(at("S1", "SHZL", 9, 0, 100)));
    accepted(service(at("S2", "ZY", 14, 0, 70)));
    accepted(service(at("S3", "WY", 19, 0, 50)));
    accepted(service(at("S4", "PZ", 21, 0, 90)));
    accepted(service(at("S5", "JS", 22, 30, 60)));
    accepted(service(at("S6", "AQ", 8, 0, 25)), ResultCode.W202);

    assertThat(world.balance(A, "P1")).isEqualTo(399);
    assertThat(world.balance(A, Account.ISSUANCE)).isEqualTo(-399);
    world.assertEveryBankSumsToZero();
  }

  @Test
  void showsTheProviderPlus90AndIssuanceMinus90AfterAnIssuedServiceOf90() {
    Outcome.Accepted outcome = accepted(service(at("S1", "SHZL", 9, 0, 100)));

    assertThat(outcome.effects().postings())
        .singleElement()
        .satisfies(
            posting -> {
              assertThat(posting.kind()).isEqualTo(PostingKind.SERVICE);
              assertThat(posting.lines())
                  .containsExactlyInAnyOrder(
                      Line.of(Account.ISSUANCE, -90), Line.of(Account.participant("P1"), 90));
              assertThat(posting.idempotencyKey()).isEqualTo("310109-001/S/S1/1");
            });
  }

  @Test
  void rejectsEndBeforeStartWithR103() {
    LocalDateTime start = DAY.atTime(10, 0);
    rejected(
        service(World.service(A, "S1", "P1", "R1", "SHZL", start, start.minusMinutes(5))),
        ResultCode.R103);
  }

  @Test
  void rejectsMoreThan480MinutesWithR104() {
    rejected(service(at("S1", "SHZL", 8, 0, 481)), ResultCode.R104);
  }

  @Test
  void rejectsAnUnmappedLocalCategoryWithR105ButAnEarlierR103Wins() {
    rejected(service(at("S1", "NOPE", 9, 0, 60)), ResultCode.R105);
    LocalDateTime start = DAY.atTime(10, 0);
    rejected(
        service(World.service(A, "S2", "P1", "R1", "NOPE", start, start.minusMinutes(5))),
        ResultCode.R103);
  }

  @Test
  void rejectsAnUnknownProviderOrRecipientWithR106() {
    LocalDateTime start = DAY.atTime(9, 0);
    rejected(
        service(World.service(A, "S1", "PX", "R1", "SHZL", start, start.plusHours(1))),
        ResultCode.R106);
    Outcome.Rejected recipient =
        rejected(
            service(World.service(A, "S2", "P1", "RX", "SHZL", start, start.plusHours(1))),
            ResultCode.R106);
    assertThat(recipient.field()).isEqualTo("recipient_ref");
  }

  @Test
  void rejectsTheSameRefOrTheSamePersonUnderTwoRefsWithR107() {
    world.participants(pkg(A), World.participant(A, "P1-AGAIN", "alice"));
    LocalDateTime start = DAY.atTime(9, 0);

    rejected(
        service(World.service(A, "S1", "P1", "P1", "SHZL", start, start.plusHours(1))),
        ResultCode.R107);
    assertThat(
            rejected(
                    service(
                        World.service(
                            A, "S2", "P1", "P1-AGAIN", "SHZL", start, start.plusHours(1))),
                    ResultCode.R107)
                .field())
        .isEqualTo("recipient_ref");
  }

  @Test
  void rejectsAServiceOutsideThePackagePeriodWithR110ButNotAStreamEvent() {
    Service november = at("S1", "SHZL", 9, 0, 60);
    Service moved =
        World.service(
            A,
            "S1",
            "P1",
            "R1",
            "SHZL",
            november.start().plusMonths(1),
            november.start().plusMonths(1).plusHours(1));

    rejected(service(moved), ResultCode.R110);
    accepted(world.service(World.event(A, "e1"), moved));
  }

  @Test
  void givesR106BeforeR110WhenBothApply() {
    LocalDateTime start = DAY.plusMonths(1).atTime(9, 0);
    rejected(
        service(World.service(A, "S1", "PX", "R1", "SHZL", start, start.plusHours(1))),
        ResultCode.R106);
  }

  @Test
  void rejectsAProviderUnder18WithR111() {
    world.participants(
        pkg(A),
        World.participant(
            A, "KID", "kid", LocalDate.of(2010, 1, 1), ParticipantStatus.ACTIVE, null));
    LocalDateTime start = DAY.atTime(9, 0);
    rejected(
        service(World.service(A, "S1", "KID", "R1", "SHZL", start, start.plusHours(1))),
        ResultCode.R111);
  }

  @Test
  void rejectsAParticipantNotActiveOnTheServiceDateWithR112() {
    world.participants(
        pkg(A),
        World.participant(A, "GONE", "gone", LocalDate.of(1980, 1, 1), ParticipantStatus.LEFT, DAY),
        World.participant(
            A,
            "LATER",
            "later",
            LocalDate.of(1980, 1, 1),
            ParticipantStatus.LEFT,
            DAY.plusDays(1)));
    LocalDateTime start = DAY.atTime(9, 0);

    rejected(
        service(World.service(A, "S1", "GONE", "R1", "SHZL", start, start.plusHours(1))),
        ResultCode.R112);
    rejected(
        service(World.service(A, "S2", "P1", "GONE", "SHZL", start, start.plusHours(1))),
        ResultCode.R112);
    accepted(service(World.service(A, "S3", "LATER", "R1", "SHZL", start, start.plusHours(1))));
  }

  @Test
  void rejectsAProviderWithoutTheRequiredCertificateWithR116() {
    rejected(service(at("S1", "HL", 9, 0, 60)), ResultCode.R116);
    accepted(service(at("S2", "ZY", 9, 0, 60)));
  }

  @Test
  void rejectsABalanceRedemptionByARecipientUnder60WithR117() {
    world.participants(pkg(A), World.participant(A, "YOUNG", "young"));
    world.transaction(
        pkg(A),
        World.txn(A, "T0", TransactionType.OPENING_BALANCE, "YOUNG", 600, DAY.atTime(0, 0)));
    LocalDateTime start = DAY.atTime(9, 0);

    rejected(
        service(
            World.service(
                A,
                "S1",
                "P1",
                "YOUNG",
                "SHZL",
                start,
                start.plusHours(1),
                Funding.BALANCE,
                ServiceStatus.COMPLETED)),
        ResultCode.R117);
  }

  @Test
  void rejectsABalanceRedemptionTheRecipientCannotCoverWithR115AndPostsOneItCan() {
    LocalDateTime start = DAY.atTime(9, 0);
    Service redemption =
        World.service(
            A,
            "S1",
            "P1",
            "R1",
            "SHZL",
            start,
            start.plusHours(1),
            Funding.BALANCE,
            ServiceStatus.COMPLETED);

    rejected(service(redemption), ResultCode.R115);

    world.transaction(
        pkg(A), World.txn(A, "T0", TransactionType.OPENING_BALANCE, "R1", 60, DAY.atTime(0, 0)));
    accepted(service(redemption));
    assertThat(world.balance(A, "R1")).isZero();
    assertThat(world.balance(A, "P1")).isEqualTo(60);
  }

  @Test
  void paysAPoolServiceFromThePool() {
    world.transaction(
        pkg(A), World.txn(A, "T0", TransactionType.OPENING_BALANCE, "P1", 120, DAY.atTime(0, 0)));
    world.transaction(
        pkg(A), World.txn(A, "T1", TransactionType.DONATION, "P1", 120, DAY.atTime(1, 0)));
    LocalDateTime start = DAY.atTime(9, 0);
    accepted(
        service(
            World.service(
                A,
                "S1",
                "P1",
                "R1",
                "SHZL",
                start,
                start.plusHours(1),
                Funding.POOL,
                ServiceStatus.COMPLETED)));

    assertThat(world.balance(A, Account.POOL)).isEqualTo(60);
    assertThat(world.balance(A, "P1")).isEqualTo(60);
  }

  @Test
  void rejectsAnotherRecordUnderAUsedRefWithR118AndConfirmsTheSameOne() {
    Service original = at("S1", "SHZL", 9, 0, 60);
    accepted(service(original));

    assertThat(world.service(World.event(A, "e1"), original))
        .isEqualTo(new Outcome.Confirmed("S1"));
    rejected(service(at("S1", "SHZL", 9, 0, 90)), ResultCode.R118);
    assertThat(world.balance(A, "P1")).isEqualTo(60);
  }

  @Test
  void mergesTheReadersAndTheBatchsProblemsWithItsOwnLowestFirst() {
    LocalDateTime start = DAY.atTime(9, 0);
    Service unknownProvider = World.service(A, "S1", "PX", "R1", "SHZL", start, start.plusHours(1));
    FieldProblem duplicate = new FieldProblem("service_ref", ResultCode.R113, "repeated");
    FieldProblem malformed = new FieldProblem("rating", ResultCode.R102, "not 1-5");

    rejected(
        world.engine.service(unknownProvider, List.of(duplicate), pkg(A), world.state),
        ResultCode.R106);
    rejected(
        world.engine.service(unknownProvider, List.of(duplicate, malformed), pkg(A), world.state),
        ResultCode.R102);
    rejected(
        world.engine.service(at("S2", "SHZL", 9, 0, 60), List.of(duplicate), pkg(A), world.state),
        ResultCode.R113);
  }

  @Test
  void warnsW201WhenTheDailyCapCutsAService() {
    accepted(service(at("S1", "SHZL", 8, 0, 300)));
    accepted(service(at("S2", "SHZL", 14, 0, 300)), ResultCode.W201);

    assertThat(world.balance(A, "P1")).isEqualTo(480);
  }

  @Test
  void warnsW203AndSendsTheExcessToThePoolAtTheStorageCap() {
    world.transaction(
        pkg(A),
        World.txn(
            A, "T0", TransactionType.OPENING_BALANCE, "P1", 1500 * 60 - 30, DAY.atTime(0, 0)));

    accepted(service(at("S1", "SHZL", 9, 0, 60)), ResultCode.W203);

    assertThat(world.balance(A, "P1")).isEqualTo(1500 * 60);
    assertThat(world.balance(A, Account.POOL)).isEqualTo(30);
    world.assertEveryBankSumsToZero();
  }

  @Test
  void warnsW204ForAServiceOverlappingAnEarlierOneAcrossBanks() {
    world.participants(
        pkg(World.B), World.participant(World.B, "Q1", "alice"), World.elder(World.B, "R1", "x"));
    accepted(service(at("S1", "SHZL", 9, 0, 60)));
    LocalDateTime start = DAY.atTime(9, 30);

    accepted(
        world.service(
            pkg(World.B),
            World.service(World.B, "S9", "Q1", "R1", "SHZL", start, start.plusMinutes(60))),
        ResultCode.W204);
    accepted(service(at("S2", "SHZL", 10, 30, 60)));
  }

  @Test
  void warnsW205ForAServiceRecordedMoreThan30DaysLater() {
    Service late = at("S1", "SHZL", 9, 0, 60);
    Service recordedLate =
        new Service(
            A,
            "S1",
            "P1",
            "R1",
            "SHZL",
            late.start(),
            late.end(),
            Optional.empty(),
            Funding.ISSUED,
            ServiceStatus.COMPLETED,
            late.verification(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(late.start().plusDays(31)));

    accepted(service(recordedLate), ResultCode.W205);
  }

  @Test
  void warnsW206ForAnIssuedServiceToAYoungerRecipientWithoutDisability() {
    world.participants(
        pkg(A),
        World.participant(A, "YOUNG", "young"),
        World.participant(
            A,
            "HELPED",
            "helped",
            LocalDate.of(1990, 1, 1),
            ParticipantStatus.ACTIVE,
            null,
            2,
            Set.of()));
    LocalDateTime start = DAY.atTime(9, 0);

    accepted(
        service(World.service(A, "S1", "P1", "YOUNG", "SHZL", start, start.plusHours(1))),
        ResultCode.W206);
    accepted(
        service(
            World.service(
                A, "S2", "P1", "HELPED", "SHZL", start.plusHours(2), start.plusHours(3))));
  }

  @Test
  void keepsAServiceThatIsNotCompletedWithoutPostingsCapOrHourWarnings() {
    LocalDateTime start = DAY.atTime(8, 0);
    Service cancelled =
        World.service(
            A,
            "S1",
            "P1",
            "R1",
            "AQ",
            start,
            start.plusMinutes(20),
            Funding.ISSUED,
            ServiceStatus.CANCELLED);

    Outcome.Accepted outcome = accepted(service(cancelled));

    assertThat(outcome.effects().postings()).isEmpty();
    assertThat(outcome.effects().credited()).isEmpty();
    assertThat(outcome.effects().used()).hasSize(1);
    rejected(
        service(
            World.service(
                A,
                "S2",
                "P1",
                "R1",
                "SHZL",
                start,
                start.minusMinutes(1),
                Funding.ISSUED,
                ServiceStatus.NO_SHOW_RECIPIENT)),
        ResultCode.R103);
  }
}
