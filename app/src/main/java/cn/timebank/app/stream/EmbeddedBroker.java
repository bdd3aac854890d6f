package cn.timebank.app.stream;

import cn.timebank.ingestion.stream.sink.LiveLedger;
import java.util.Map;
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
    broker.afterPropertiesSet();
    return new EmbeddedBroker(broker);
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
