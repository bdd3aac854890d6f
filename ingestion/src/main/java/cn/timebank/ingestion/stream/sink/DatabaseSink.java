package cn.timebank.ingestion.stream.sink;

import cn.timebank.ingestion.batch.ServiceFiguresOf;
import cn.timebank.ingestion.hold.LiveHoldStore;
import cn.timebank.ingestion.rules.TimedRecord;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.stream.AppliedRecord;
import cn.timebank.ingestion.stream.HoldMark;
import cn.timebank.ingestion.stream.OutputSerdes;
import cn.timebank.ingestion.stream.RejectRecord;
import cn.timebank.ingestion.stream.SinkRecord;
import cn.timebank.ingestion.stream.Topics;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.ledger.store.Provenance;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the ledger topology decided into the database, the ledger of record: a {@code
 * read_committed} consumer of {@link Topics#RECORDS} (one {@link AppliedRecord} per applied event)
 * and {@link Topics#REJECTS}. A {@link HoldMark} on {@link Topics#RECORDS} acknowledges that the
 * live path holds its events for a package being applied, once every event before it is written.
 *
 * <p>Per applied event (several events per database transaction: those of one poll): the engine's
 * effects through {@link JdbcLedgerState#apply} (participant versions, daily-cap rows, refs,
 * transfer items, and the postings through the ledger's {@code LedgerWriter} under the engine's
 * idempotency keys), the canonical service or transaction (as the batch's apply step writes it, the
 * event id as its source) and the event's row in {@code stream_events}. Per reject: its row (code
 * and field).
 *
 * <p>Idempotent by event id: an event whose row says applied is skipped, so a replay after a crash
 * (the database committed, the consumer's offsets not yet) changes nothing; the idempotency keys of
 * the postings are the backstop. Offsets are committed after the database. The topics have one
 * partition: the events are applied in the ledger processor's order.
 */
public final class DatabaseSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseSink.class);

  /** One event as it reached the database (for progress counts, the demo's alerts). */
  public record Written(
      String bankCode,
      String eventId,
      @Nullable String ref,
      String outcome,
      List<String> codes,
      boolean duplicate) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JdbcLedgerState state;
  private final CanonicalRecords canonical;
  private final ServiceFiguresOf figures;
  private final Registry registry;
  private final Clock clock;
  private final LiveHoldStore holds;
  private final KafkaConsumer<String, byte[]> consumer;
  private final AtomicLong handled = new AtomicLong();
  private final List<Consumer<Written>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  public DatabaseSink(
      String bootstrapServers,
      String groupId,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      ServiceFiguresOf figures,
      Registry registry,
      Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.state = state;
    this.canonical = canonical;
    this.figures = figures;
    this.registry = registry;
    this.clock = clock;
    this.holds = new LiveHoldStore(dataSource);
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::loop, "timebank-db-sink");
    this.thread.setDaemon(true);
  }

  /** Subscribes and starts the sink's thread. */
  public DatabaseSink start() {
    thread.start();
    return this;
  }

  /** Called on the sink's thread after each event reached the database. */
  public DatabaseSink onWritten(Consumer<Written> listener) {
    listeners.add(listener);
    return this;
  }

  /** Events (applied, skipped as already applied, or rejected) handled since the start. */
  public long handled() {
    return handled.get();
  }

  /** Why the sink stopped, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(Topics.RECORDS, Topics.REJECTS));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          continue;
        }
        // The polled events in one database transaction (each applied or skipped on its own, by
        // its event id, as the inner transactions join this one); listeners hear of them after
        // the commit.
        List<Written> batch = new ArrayList<>(records.count());
        transactions.executeWithoutResult(
            status -> {
              for (ConsumerRecord<String, byte[]> record : records) {
                if (!record.topic().equals(Topics.RECORDS)) {
                  batch.add(
                      rejected(
                          OutputSerdes.REJECT
                              .deserializer()
                              .deserialize(record.topic(), record.value()),
                          record));
                  continue;
                }
                SinkRecord value =
                    OutputSerdes.RECORD.deserializer().deserialize(record.topic(), record.value());
                if (value instanceof HoldMark mark) {
                  held(mark);
                } else {
                  batch.add(applied((AppliedRecord) value));
                }
              }
            });
        for (Written written : batch) {
          handled.incrementAndGet();
          listeners.forEach(l -> l.accept(written));
        }
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the database sink stopped", e);
      failure.set(e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * The processor holds its events for a package being applied, and every event it judged before is
   * written (in this transaction or an earlier one): the package's run may go on.
   */
  private void held(HoldMark mark) {
    holds.held(mark.packageId(), mark.requestId(), clock.instant());
    LOG.info("The live path holds its events for package {}", mark.packageId());
  }

  private Written applied(AppliedRecord r) {
    String outcome = r.confirmed() ? "CONFIRMED" : "ACCEPTED";
    Boolean done =
        transactions.execute(
            status -> {
              Optional<String> prior = outcomeOf(r.bankCode(), r.eventId());
              if (prior.isPresent() && !prior.get().equals("REJECTED")) {
                return false;
              }
              if (!r.confirmed()) {
                write(r);
              }
              String codes = r.warnings().isEmpty() ? null : String.join(",", r.warnings());
              save(
                  r.bankCode(),
                  r.eventId(),
                  r.topic().topic(),
                  r.ref(),
                  outcome,
                  codes,
                  null,
                  prior.isPresent());
              return true;
            });
    return new Written(
        r.bankCode(), r.eventId(), r.ref(), outcome, r.warnings(), !Boolean.TRUE.equals(done));
  }

  private void write(AppliedRecord r) {
    JdbcLedgerState source = state.forEvent(r.eventId());
    source.apply(r.effects());
    Provenance provenance =
        new Provenance(
            r.eventId(),
            null,
            null,
            r.warnings().isEmpty() ? null : String.join(",", r.warnings()),
            r.receivedAt());
    if (r.record() instanceof TimedRecord.OfService s) {
      BankRegistryEntry bank =
          registry
              .find(s.service().bankCode())
              .orElseThrow(() -> new IllegalStateException("bank not registered: " + r.bankCode()));
      canonical.saveService(
          s.service(), figures.of(s.service(), bank, r.effects(), source), provenance);
    } else if (r.record() instanceof TimedRecord.OfTransaction t) {
      canonical.saveTransaction(t.transaction(), provenance);
    }
  }

  private Written rejected(RejectRecord r, ConsumerRecord<String, byte[]> record) {
    // A reject without a bank is filed under its key; without a key (or a blank one, which Oracle
    // would store as NULL in a NOT NULL column) under "(none)".
    String bank =
        r.bankCode() != null
            ? r.bankCode()
            : record.key() == null || record.key().isBlank() ? "(none)" : record.key();
    String eventId =
        r.eventId() != null
            ? r.eventId()
            : "offset:" + record.topic() + ":" + record.partition() + ":" + record.offset();
    Boolean done =
        transactions.execute(
            status -> {
              if (outcomeOf(bank, eventId).isPresent()) {
                return false;
              }
              save(bank, eventId, r.topic(), r.ref(), "REJECTED", r.code(), r.field(), false);
              return true;
            });
    return new Written(
        bank, eventId, r.ref(), "REJECTED", List.of(r.code()), !Boolean.TRUE.equals(done));
  }

  /**
   * Which of the bank's event ids the database holds as applied (accepted or confirmed): sent
   * again, each is a re-send, which the topology passes over without an outcome.
   */
  public Set<String> applied(String bank, Collection<String> eventIds) {
    Set<String> applied = new HashSet<>();
    List<String> ids = List.copyOf(eventIds);
    for (int from = 0; from < ids.size(); from += 500) {
      applied.addAll(
          jdbc.sql(
                  "select event_id from stream_events where bank_code = :bank"
                      + " and event_id in (:ids) and outcome in ('ACCEPTED', 'CONFIRMED')")
              .param("bank", bank)
              .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
              .query(String.class)
              .list());
    }
    return applied;
  }

  private Optional<String> outcomeOf(String bank, String eventId) {
    return jdbc.sql("select outcome from stream_events where bank_code = ? and event_id = ?")
        .params(bank, eventId)
        .query(String.class)
        .optional();
  }

  private void save(
      String bank,
      String eventId,
      String topic,
      @Nullable String ref,
      String outcome,
      @Nullable String codes,
      @Nullable String field,
      boolean update) {
    Timestamp now = Timestamp.from(clock.instant());
    bank = cut(bank, 100);
    eventId = cut(eventId, 128);
    ref = ref == null ? null : cut(ref, 64);
    field = field == null ? null : cut(field, 64); // a refused JSON key may be longer
    codes = codes == null ? null : cut(codes, 200);
    if (update) {
      jdbc.sql(
              "update stream_events set outcome = ?, result_codes = ?, field_name = ?, applied_at = ?"
                  + " where bank_code = ? and event_id = ?")
          .params(outcome, codes, field, now, bank, eventId)
          .update();
    } else {
      jdbc.sql(
              "insert into stream_events (bank_code, event_id, topic_name, record_ref, outcome,"
                  + " result_codes, field_name, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(bank, eventId, topic, ref, outcome, codes, field, now)
          .update();
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
