package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecentRegistryTests {

  private final BankRegistryEntry active = Banks.entry(Banks.A, BankStatus.ACTIVE);
  private final BankRegistryEntry suspended = Banks.entry(Banks.A, BankStatus.SUSPENDED);
  private final AtomicReference<BankRegistryEntry> stored = new AtomicReference<>(active);
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong now = new AtomicLong();
  private final RecentRegistry registry =
      new RecentRegistry(
          code -> {
            reads.incrementAndGet();
            return Optional.of(stored.get()).filter(e -> e.bankCode().equals(code));
          },
          Duration.ofSeconds(5),
          now::get);

  @Test
  void readsEachBankOncePerMaxAgeAndSeesAChangeAfterIt() {
    BankCode bank = active.bankCode();
    assertThat(registry.find(bank)).contains(active);
    stored.set(suspended);
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(registry.find(bank)).as("within the max age").contains(active);
    assertThat(reads).hasValue(1);

    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(registry.find(bank)).as("after it").contains(suspended);
    assertThat(reads).hasValue(2);
  }

  @Test
  void remembersAnUnknownBankForTheMaxAgeToo() {
    BankCode other = Banks.B;
    assertThat(registry.find(other)).isEmpty();
    assertThat(registry.find(other)).isEmpty();
    assertThat(reads).hasValue(1);
  }
}
