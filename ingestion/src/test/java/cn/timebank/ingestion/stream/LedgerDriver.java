package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.hold.LiveHolds;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.identity.PersonKeySecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The ledger topology on a {@link TopologyTestDriver} with in-memory stores: events in, the three
 * output topics out (everything read so far is kept, so assertions can look at all of it).
 */
final class LedgerDriver implements AutoCloseable {

  static final PersonKeySecret SECRET = PersonKeySecret.of("stream-test-secret-16+");

  private final TopologyTestDriver driver;
  private final Map<EventTopic, TestInputTopic<String, byte[]>> inputs =
      new EnumMap<>(EventTopic.class);
  private final TestOutputTopic<String, LedgerEntry> ledgerTopic;
  private final TestOutputTopic<String, RejectRecord> rejectsTopic;
  private final TestOutputTopic<String, AlertRecord> alertsTopic;
  private final TestOutputTopic<String, SinkRecord> recordsTopic;
  private final List<SinkRecord> sinkRecords = new java.util.ArrayList<>();
  private final List<org.apache.kafka.streams.test.TestRecord<String, LedgerEntry>> ledger =
      new ArrayList<>();
  private final List<org.apache.kafka.streams.test.TestRecord<String, RejectRecord>> rejects =
      new ArrayList<>();
  private final List<org.apache.kafka.streams.test.TestRecord<String, AlertRecord>> alerts =
      new ArrayList<>();
  private Instant clock = Instant.parse("2026-10-20T02:00:00Z");

  /** The topology as {@code LiveLedger} builds it for input topics of one partition each. */
  LedgerDriver() {
    this(LedgerTopology.Layout.ONE_TASK);
  }

  LedgerDriver(LedgerTopology.Layout layout) {
    this(layout, StateSeed.NONE);
  }

  /** The topology whose state takes in {@code seed} (the ledger of record). */
  LedgerDriver(LedgerTopology.Layout layout, StateSeed seed) {
    this(layout, seed, LiveHolds.NONE);
  }

  /** The topology whose state takes in {@code seed} and which holds for {@code holds}. */
  LedgerDriver(LedgerTopology.Layout layout, StateSeed seed, LiveHolds holds) {
    StreamsBuilder builder = new StreamsBuilder();
    StreamConfig config =
        new StreamConfig(
            Banks.REGISTRY,
            SECRET,
            new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn()),
            seed,
            holds);
    LedgerTopology.build(
        builder, config, LedgerStores.builders(Stores::inMemoryKeyValueStore), layout);
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-topology-tests");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), properties);
    for (EventTopic topic : EventTopic.values()) {
      inputs.put(
          topic,
          driver.createInputTopic(
              topic.topic(), new StringSerializer(), new ByteArraySerializer()));
    }
    ledgerTopic = output(Topics.LEDGER, OutputSerdes.LEDGER);
    rejectsTopic = output(Topics.REJECTS, OutputSerdes.REJECT);
    alertsTopic = output(Topics.ALERTS, OutputSerdes.ALERT);
    recordsTopic = output(Topics.RECORDS, OutputSerdes.RECORD);
  }

  private <V> TestOutputTopic<String, V> output(String topic, Serde<V> serde) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(), serde.deserializer());
  }

  /** Sends an event with the key {@code bank_code:ref} of its fields. */
  LedgerDriver send(EventTopic topic, Map<String, Object> event) {
    return send(
        topic, event.get("bank_code") + ":" + event.get(topic.refField()), Events.json(event));
  }

  LedgerDriver send(EventTopic topic, String key, String json) {
    return sendBytes(topic, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  LedgerDriver sendBytes(EventTopic topic, String key, byte[] value) {
    clock = clock.plusSeconds(1);
    inputs.get(topic).pipeInput(key, value, clock);
    return this;
  }

  LedgerDriver participant(Map<String, Object> event) {
    return send(EventTopic.PARTICIPANTS, event);
  }

  LedgerDriver service(Map<String, Object> event) {
    return send(EventTopic.SERVICES, event);
  }

  LedgerDriver transaction(Map<String, Object> event) {
    return send(EventTopic.TRANSACTIONS, event);
  }

  List<org.apache.kafka.streams.test.TestRecord<String, LedgerEntry>> ledgerRecords() {
    ledger.addAll(ledgerTopic.readRecordsToList());
    return ledger;
  }

  List<LedgerEntry> ledger() {
    return ledgerRecords().stream().map(r -> r.value()).toList();
  }

  List<org.apache.kafka.streams.test.TestRecord<String, RejectRecord>> rejectRecords() {
    rejects.addAll(rejectsTopic.readRecordsToList());
    return rejects;
  }

  List<RejectRecord> rejects() {
    return rejectRecords().stream().map(r -> r.value()).toList();
  }

  /** What the database sink gets: one record per applied event (read back through its serde). */
  List<AppliedRecord> applied() {
    return sinkRecords().stream()
        .filter(AppliedRecord.class::isInstance)
        .map(AppliedRecord.class::cast)
        .toList();
  }

  /** The marks of holds for packages being applied, in the sink's topic. */
  List<HoldMark> holdMarks() {
    return sinkRecords().stream()
        .filter(HoldMark.class::isInstance)
        .map(HoldMark.class::cast)
        .toList();
  }

  /** Everything the database sink gets, in order. */
  List<SinkRecord> sinkRecords() {
    sinkRecords.addAll(recordsTopic.readValuesToList());
    return sinkRecords;
  }

  List<AlertRecord> alerts() {
    alerts.addAll(alertsTopic.readRecordsToList());
    return alerts.stream().map(r -> r.value()).toList();
  }

  /** The one reject so far, asserting there is exactly one. */
  RejectRecord onlyReject() {
    List<RejectRecord> all = rejects();
    if (all.size() != 1) {
      throw new AssertionError("expected one reject, got " + all);
    }
    return all.get(0);
  }

  /** The codes of the alerts of one ref. */
  List<String> alertCodes(String ref) {
    return alerts().stream().filter(a -> a.ref().equals(ref)).map(AlertRecord::code).toList();
  }

  /** The balance of an account from the ledger topic: the sum of its lines. */
  long balance(String bank, String accountKind, String participantRef) {
    return ledger().stream()
        .filter(e -> e.bankCode().equals(bank))
        .flatMap(e -> e.lines().stream())
        .filter(l -> l.accountKind().equals(accountKind))
        .filter(l -> participantRef == null || participantRef.equals(l.participantRef()))
        .mapToLong(LedgerEntry.LedgerLine::minutes)
        .sum();
  }

  <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  /** Lets wall-clock time pass (the topology's punctuations run). */
  LedgerDriver advance(java.time.Duration duration) {
    driver.advanceWallClockTime(duration);
    return this;
  }

  TopologyTestDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
  }
}
