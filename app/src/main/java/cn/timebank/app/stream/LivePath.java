package cn.timebank.app.stream;

import cn.timebank.ingestion.batch.ServiceFiguresOf;
import cn.timebank.ingestion.hold.LiveHoldStore;
import cn.timebank.ingestion.hold.LiveHolds;
import cn.timebank.ingestion.hold.OneLivePath;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.state.DatabaseSeed;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.stream.RecentRegistry;
import cn.timebank.ingestion.stream.StreamConfig;
import cn.timebank.ingestion.stream.sink.DatabaseSink;
import cn.timebank.ingestion.stream.sink.LiveLedger;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.identity.PersonKeySecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the live path for a command: the broker (the embedded one unless {@code
 * kafka.bootstrap-servers} names a cluster), the ledger topology and the database sink, over the
 * application's database (the data dir's).
 */
@Component
public class LivePath {

  /**
   * A running live path; closing it stops the sink, the topology and an embedded broker, removes
   * the topology's local state directory (its stores are restored from their changelogs on the next
   * start) and, last, its word in the database that it runs.
   */
  public record Running(
      LiveLedger ledger,
      @Nullable EmbeddedBroker broker,
      String bootstrapServers,
      Path stateDir,
      OneLivePath.Presence presence)
      implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      boolean stopped = false;
      try {
        stopped = ledger.closed();
      } finally {
        try {
          if (broker != null) {
            broker.close();
          }
          if (stopped) { // not while a topology that did not stop in time may still write there
            FileSystemUtils.deleteRecursively(stateDir.toFile());
          }
        } finally {
          presence.close();
        }
      }
    }
  }

  /** How long the topology may use a bank's registry entry before reading it again. */
  public static final Duration REGISTRY_MAX_AGE = Duration.ofSeconds(5);

  private final String configuredServers;
  private final Registry registry;
  private final PersonKeySecret secret;
  private final RecordEngine engine;
  private final DataSource dataSource;
  private final PlatformTransactionManager transactionManager;
  private final JdbcLedgerState state;
  private final CanonicalRecords canonical;
  private final HourCalculator calculator;
  private final Clock clock;

  LivePath(
      @Value("${kafka.bootstrap-servers:}") String configuredServers,
      RegistryStore registry,
      PersonKeySecret secret,
      RecordEngine engine,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      HourCalculator calculator,
      Clock clock) {
    this.configuredServers = configuredServers;
    this.registry = registry::find;
    this.secret = secret;
    this.engine = engine;
    this.dataSource = dataSource;
    this.transactionManager = transactionManager;
    this.state = state;
    this.canonical = canonical;
    this.calculator = calculator;
    this.clock = clock;
  }

  /** The external cluster, when {@code kafka.bootstrap-servers} is set. */
  public Optional<String> externalCluster() {
    return configuredServers.isBlank() ? Optional.empty() : Optional.of(configuredServers);
  }

  public Registry registry() {
    return registry;
  }

  /**
   * What the topology needs: the registry as {@link RecentRegistry} (each bank read from the
   * database at most once every {@link #REGISTRY_MAX_AGE}), the person-key secret, the engine, and
   * the database as the ledger of record its state takes in ({@link DatabaseSeed}), and the holds
   * of packages being applied ({@link LiveHolds}).
   */
  public StreamConfig streamConfig() {
    return streamConfig(null);
  }

  /** The same, for the live path {@code name} ({@link OneLivePath#name}). */
  private StreamConfig streamConfig(@Nullable String name) {
    return new StreamConfig(
        RecentRegistry.of(registry, REGISTRY_MAX_AGE),
        secret,
        engine,
        new DatabaseSeed(dataSource),
        LiveHolds.of(new LiveHoldStore(dataSource), name));
  }

  /**
   * Starts the live path, unless another one takes events into the database ({@link OneLivePath}:
   * an {@link IllegalStateException} that says which and what to do).
   */
  public Running start() throws IOException {
    ensureNoOtherLivePath();
    EmbeddedBroker broker = externalCluster().isPresent() ? null : EmbeddedBroker.start();
    String servers = broker != null ? broker.bootstrapServers() : configuredServers;
    String name = OneLivePath.name(LiveLedger.APPLICATION_ID, servers);
    OneLivePath.Presence presence;
    try {
      presence = refusedWithAdvice(() -> oneLivePath().enter(name));
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
    Path stateDir = Files.createTempDirectory("timebank-streams");
    DatabaseSink sink =
        new DatabaseSink(
            servers,
            LiveLedger.APPLICATION_ID + "-db-sink",
            dataSource,
            transactionManager,
            state,
            canonical,
            new ServiceFiguresOf(calculator),
            registry,
            clock);
    try {
      LiveLedger ledger = LiveLedger.start(servers, streamConfig(name), stateDir, sink);
      return new Running(ledger, broker, servers, stateDir, presence);
    } catch (RuntimeException e) {
      try {
        if (broker != null) {
          broker.close();
        }
        FileSystemUtils.deleteRecursively(stateDir.toFile());
      } finally {
        presence.close();
      }
      throw e;
    }
  }

  /**
   * Fails, saying which and what to do, when another live path takes events into the database: an
   * embedded broker is a live path of its own, so any other one stops it; on a cluster, the
   * instances of the ledger's application share its task and may run side by side. {@link #start}
   * asks this first; a command that starts the live path late (the demo) asks before it writes.
   */
  public void ensureNoOtherLivePath() {
    refusedWithAdvice(
        () -> {
          oneLivePath()
              .ensureNoOther(
                  externalCluster()
                      .map(servers -> OneLivePath.name(LiveLedger.APPLICATION_ID, servers))
                      .orElse(null));
          return null;
        });
  }

  private OneLivePath oneLivePath() {
    return new OneLivePath(new LiveHoldStore(dataSource), clock);
  }

  private static <T> T refusedWithAdvice(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (OneLivePath.AnotherLivePath e) {
      String servers = e.servers();
      throw new IllegalStateException(
          e.getMessage()
              + (servers == null
                  ? ". Stop it first."
                  : ". Stop it first, or send the events to its broker "
                      + servers
                      + " as a bank's live system does (the event topics)."));
    }
  }
}
