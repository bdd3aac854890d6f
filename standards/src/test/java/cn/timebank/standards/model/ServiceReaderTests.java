package cn.timebank.standards.model;

import static cn.timebank.standards.model.Fixtures.BANK;
import static cn.timebank.standards.model.Fixtures.service;
import static cn.timebank.standards.model.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceReaderTests {

  private final ServiceReader duration = new ServiceReader(BANK, AmountBasis.DURATION);
  private final ServiceReader coins = new ServiceReader(BANK, AmountBasis.COINS);
  private final ServiceReader perService = new ServiceReader(BANK, AmountBasis.PER_SERVICE);

  @Test
  void readsAValidRecord() {
    Service s = duration.read(service()).record().orElseThrow();

    assertThat(s.serviceRef()).isEqualTo("S001");
    assertThat(s.start()).isEqualTo(LocalDateTime.of(2026, 10, 5, 9, 0));
    assertThat(s.end()).contains(LocalDateTime.of(2026, 10, 5, 10, 40));
    assertThat(s.localAmount()).isEmpty();
    assertThat(s.funding()).isEqualTo(Funding.ISSUED);
    assertThat(s.verification()).isEqualTo(Verification.TWO_PARTY);
    assertThat(s.rating()).contains(5);
    assertThat(s.locationRegion()).contains("310109");
    assertThat(s.recordedAt()).contains(LocalDateTime.of(2026, 10, 5, 11, 0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "service_ref",
        "provider_ref",
        "recipient_ref",
        "local_category",
        "start",
        "end",
        "funding",
        "status",
        "verification"
      })
  void rejectsAMissingRequiredFieldWithR101(String field) {
    ReadResult<Service> result = duration.read(with(service(), field, ""));

    assertThat(result.problems())
        .singleElement()
        .isEqualTo(new FieldProblem(field, ResultCode.R101, "is required but empty"));
  }

  @Test
  void leavesRatingRegionAndRecordedAtOptional() {
    ReadResult<Service> result =
        duration.read(with(service(), "rating", "", "location_region", "", "recorded_at", ""));

    assertThat(result.isAccepted()).isTrue();
  }

  @Test
  void needsAnEndUnlessTheBankCountsServices() {
    java.util.Map<String, String> noEnd = with(service(), "end", "", "local_amount", "2");

    assertThat(duration.read(noEnd).rejectionCode()).contains(ResultCode.R101);
    assertThat(coins.read(noEnd).rejectionCode()).contains(ResultCode.R101);
    assertThat(perService.read(noEnd).record().orElseThrow().end()).isEmpty();
  }

  @Test
  void needsALocalAmountForCoinsAndPerServiceBanks() {
    assertThat(duration.read(service()).isAccepted()).isTrue();
    assertThat(coins.read(service()).problems())
        .containsExactly(
            new FieldProblem("local_amount", ResultCode.R101, "is required but empty"));
    assertThat(perService.read(service()).rejectionCode()).contains(ResultCode.R101);
    assertThat(
            coins.read(with(service(), "local_amount", "1.5")).record().orElseThrow().localAmount())
        .contains(new BigDecimal("1.5"));
  }

  @Test
  void countsOnlyWholeServicesForAPerServiceBank() {
    assertThat(perService.read(with(service(), "local_amount", "1.5")).rejectionCode())
        .contains(ResultCode.R102);
    assertThat(
            perService
                .read(with(service(), "local_amount", "2.0"))
                .record()
                .orElseThrow()
                .localAmount())
        .contains(new BigDecimal("2"));
  }

  @ParameterizedTest
  @CsvSource({
    "start, 2026-10-05 09:00:00",
    "start, 2026-10-05",
    "end, 2026-10-05T24:30:00",
    "local_amount, abc",
    "local_amount, 0",
    "local_amount, -6",
    "local_amount, '1,5'",
    "funding, FREE",
    "status, DONE",
    "verification, PHOTO",
    "rating, 0",
    "rating, 6",
    "rating, 4.5",
    "location_region, 3101090",
    "recorded_at, later",
    "local_category, 'SH\tZL'",
  })
  void rejectsAMalformedFieldWithR102(String field, String value) {
    ReadResult<Service> result = duration.read(with(service(), field, value));

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ResultCode.R102);
              assertThat(problem.field()).isEqualTo(field);
            });
  }

  @Test
  void convertsATimestampWithAnOffsetToShanghaiLocalTime() {
    Service utc =
        duration
            .read(with(service(), "start", "2026-10-05T01:00:00Z", "end", "2026-10-05T02:40:00Z"))
            .record()
            .orElseThrow();
    Service local = duration.read(service()).record().orElseThrow();

    assertThat(utc.start()).isEqualTo(local.start());
    assertThat(utc.end()).isEqualTo(local.end());
    assertThat(utc).isEqualTo(local);
  }

  @Test
  void readsJsonNumberTextLikeCsvText() {
    Service csv = coins.read(with(service(), "local_amount", "6", "rating", "4")).record().get();

    for (String[] json : new String[][] {{"6.0", "4"}, {"6E0", "4.0"}, {"6.00", "4"}}) {
      assertThat(coins.read(with(service(), "local_amount", json[0], "rating", json[1])).record())
          .contains(csv);
    }
  }

  @ParameterizedTest
  @EnumSource(AmountBasis.class)
  void reportsEveryProblemWithTheLowestCodeFirst(AmountBasis basis) {
    ReadResult<Service> result =
        new ServiceReader(BANK, basis)
            .read(with(service(), "rating", "9", "provider_ref", "", "funding", "GRATIS"));

    assertThat(result.rejectionCode()).contains(ResultCode.R101);
    assertThat(result.problems())
        .extracting(FieldProblem::field)
        .startsWith("provider_ref")
        .contains("rating", "funding");
  }
}
