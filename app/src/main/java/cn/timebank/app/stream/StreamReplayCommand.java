package cn.timebank.app.stream;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.ingestion.stream.replay.PackageReplay;
import cn.timebank.ingestion.stream.replay.ReplayProgress;
import cn.timebank.ingestion.verify.Rejected;
import cn.timebank.standards.hours.schedule.DueDates;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank stream-replay PATH...}: publishes packages' records as events and waits until
 * every event has reached the database (accepted, confirmed or rejected), then prints a summary.
 * Each package is verified first as the batch verifies it (a refused package: its P code, nothing
 * published, exit 1). With no {@code --kafka.bootstrap-servers} it starts the embedded broker, the
 * topology and the database sink for the run; {@code ./timebank balances BANK} then shows the
 * result.
 */
@Component
class StreamReplayCommand implements Command {

  private final LivePath live;
  private final DueDates dueDates;
  private final Clock clock;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  StreamReplayCommand(LivePath live, DueDates dueDates, Clock clock) {
    this.live = live;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "stream-replay";
  }

  @Override
  public String summary() {
    return "publish packages' records as events through the live path: stream-replay PATH...";
  }

  @Override
  public String usage() {
    return "PATH... [--timeout SECONDS] [--kafka.bootstrap-servers=HOST:PORT]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("timeout", "seconds to wait for every event to reach the ledger (300)"));
  }

  @Override
  public int run(CommandLine line) throws Exception {
    line.argument(0, "the package PATH (a ZIP file or a folder)");
    long timeout = line.longValue("timeout", 300);
    if (timeout <= 0) {
      throw new UsageException(
          "--timeout must be a positive number of seconds (was " + timeout + ")");
    }
    PackageReplay replay = new PackageReplay(live.registry(), dueDates, clock);
    List<PackageReplay.Event> events = new ArrayList<>();
    for (String arg : line.positional()) {
      Path path = Path.of(arg);
      if (!Files.exists(path)) {
        err.println("timebank stream-replay: no file or folder at " + path);
        return 1;
      }
      PackageReplay.Prepared prepared = replay.prepare(path);
      if (prepared.rejected().isPresent()) {
        err.println(refusal(path, prepared.rejected().get()));
        return 1;
      }
      events.addAll(prepared.events());
    }
    ReplayProgress progress = new ReplayProgress(events);
    try (LivePath.Running running = live.start()) {
      running.ledger().sink().onWritten(progress);
      progress.appliedBefore(running.ledger().sink());
      out.println(
          "publishing "
              + events.size()
              + " events to "
              + (live.externalCluster().isPresent()
                  ? running.bootstrapServers()
                  : "the embedded broker " + running.bootstrapServers()));
      try (KafkaProducer<String, byte[]> producer = producer(running.bootstrapServers())) {
        PackageReplay.publish(producer, events, clock.millis());
      }
      boolean done = progress.await(Duration.ofSeconds(timeout), () -> running.ledger().failure());
      out.print(progress.summary());
      if (!done) {
        err.println(
            "timebank stream-replay: "
                + progress.missing()
                + " of "
                + events.size()
                + " events did not reach the database"
                + running
                    .ledger()
                    .failure()
                    .map(f -> ": " + f)
                    .orElse(
                        " within "
                            + timeout
                            + " s: run the same stream-replay again with a longer --timeout"
                            + " (events that reached it are not applied twice)"));
        return 1;
      }
      return 0;
    }
  }

  private static KafkaProducer<String, byte[]> producer(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** The one line for a refused package; the rejection's message already starts with its code. */
  static String refusal(Path path, Rejected rejected) {
    return "timebank stream-replay: " + path + " refused: " + rejected.message();
  }
}
