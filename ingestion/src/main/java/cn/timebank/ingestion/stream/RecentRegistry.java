package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.verify.Registry;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The registry as the live path asks it, once per event and twice (reading, then the ledger
 * processor's ACTIVE check): each bank's entry is read from the source at most once per {@code
 * maxAge} and kept meanwhile. A change to the registry (a bank suspended, a key or mapping added)
 * reaches the topology within {@code maxAge}. Reading the database's registry for every event cost
 * about a quarter of the ledger thread's CPU (BENCHMARKS.md, "Live path").
 */
public final class RecentRegistry implements Registry {

  private record Read(Optional<BankRegistryEntry> entry, long atNanos) {}

  private final Registry source;
  private final long maxAgeNanos;
  private final LongSupplier nanos;
  private final Map<BankCode, Read> reads = new ConcurrentHashMap<>();

  RecentRegistry(Registry source, Duration maxAge, LongSupplier nanos) {
    this.source = source;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanos = nanos;
  }

  public static RecentRegistry of(Registry source, Duration maxAge) {
    return new RecentRegistry(source, maxAge, System::nanoTime);
  }

  @Override
  public Optional<BankRegistryEntry> find(BankCode bankCode) {
    long now = nanos.getAsLong();
    Read read = reads.get(bankCode);
    if (read == null || now - read.atNanos() >= maxAgeNanos) {
      read = new Read(source.find(bankCode), now);
      reads.put(bankCode, read);
    }
    return read.entry();
  }
}
