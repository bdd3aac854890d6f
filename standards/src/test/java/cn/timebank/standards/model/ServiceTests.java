package cn.timebank.standards.model;

import static cn.timebank.standards.model.Fixtures.BANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTests {

  private static final LocalDateTime START = LocalDateTime.of(2026, 10, 5, 9, 0);

  private static Service service(
      String ref, Optional<BigDecimal> amount, Optional<Integer> rating, Optional<String> region) {
    return new Service(
        BANK,
        ref,
        "P001",
        "P002",
        "SHZL",
        START,
        Optional.of(START.plusMinutes(100)),
        amount,
        Funding.ISSUED,
        ServiceStatus.COMPLETED,
        Verification.TWO_PARTY,
        rating,
        region,
        Optional.empty());
  }

  @Test
  void keepsAValidService() {
    Service s = service("S001", Optional.of(new BigDecimal("6")), Optional.of(5), Optional.empty());

    assertThat(s.day()).isEqualTo(START.toLocalDate());
    assertThat(s.status().movesHours()).isTrue();
    assertThat(ServiceStatus.DISPUTED.movesHours()).isFalse();
  }

  @Test
  void refusesARatingOutsideOneToFive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> service("S001", Optional.empty(), Optional.of(0), Optional.empty()))
        .withMessageContaining("rating");
  }

  @Test
  void refusesANonPositiveLocalAmount() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> service("S001", Optional.of(BigDecimal.ZERO), Optional.empty(), Optional.empty()))
        .withMessageContaining("local_amount");
  }

  @Test
  void refusesABlankRefAndABadRegion() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> service(" ", Optional.empty(), Optional.empty(), Optional.empty()))
        .withMessageContaining("service_ref");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> service("S001", Optional.empty(), Optional.empty(), Optional.of("3101")))
        .withMessageContaining("location_region");
  }

  @Test
  void refusesNullInPlaceOfAnEmptyOptional() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> service("S001", null, Optional.empty(), Optional.empty()))
        .withMessageContaining("local_amount");
  }
}
