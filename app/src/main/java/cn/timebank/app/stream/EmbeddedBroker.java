package cn.timebank.app.stream;

import cn.timebank.ingestion.stream.sink.LiveLedger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker inside the JVM, for {@code stream-replay}, {@code serve
 * --embedded-kafka} and the demo when no {@code kafka.bootstrap-servers} is configured. It is
 * spring-kafka-test's {@link EmbeddedKafkaKraftBroker} (hence that compile dependency of the app):
 * a real broker on a free port, with the settings exactly-once needs on one node (the transaction
 * state log and the offsets topic with replication factor 1, or EOS hangs). Its log is in a
 * temporary directory: every start is a fresh broker.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

  private final EmbeddedKafkaKraftBroker broker;

  private EmbeddedBroker(EmbeddedKafkaKraftBroker broker) {
    this.broker = broker;
  }

  public static EmbeddedBroker start() {
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(1, 1, LiveLedger.topics().toArray(String[]::new));
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "auto.create.topics.enable", "false"));
    startQuietly(broker);
    return new EmbeddedBroker(broker);
  }

  /**
   * Starts the broker with standard output captured: Kafka's storage formatter prints a line
   * ("Formatting metadata directory …") there, which belongs in the log, not among a command's
   * output. Called once at start-up, before the streams and the web server run.
   */
  private static void startQuietly(EmbeddedKafkaKraftBroker broker) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      broker.afterPropertiesSet();
    } finally {
      System.setOut(out);
      String text = captured.toString(StandardCharsets.UTF_8).strip();
      if (!text.isEmpty()) {
        log.info("embedded broker: {}", text);
      }
    }
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
