package cn.timebank.ingestion.stream.replay;

import cn.timebank.ingestion.batch.ApplyKeys;
import cn.timebank.ingestion.read.DataFileReader;
import cn.timebank.ingestion.read.RawRecord;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.rules.TimedRecord;
import cn.timebank.ingestion.stream.EventTopic;
import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.ManifestFile;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import cn.timebank.ingestion.verify.PackageHistory;
import cn.timebank.ingestion.verify.PackageVerifier;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ingestion.verify.Rejected;
import cn.timebank.ingestion.verify.VerificationResult;
import cn.timebank.ingestion.verify.Verified;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.ServiceReader;
import cn.timebank.standards.model.TransactionReader;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A package's records as events ({@code ./timebank stream-replay}), so the live path can be tried
 * with simulated data. The package is verified first as the batch verifies it (signature, hashes,
 * encoding, headers, counts: P001–P006, P008–P010) — but not against the package history: a replay
 * is not a delivery, so P007/P012 (sequence) do not apply and a package may be replayed into a
 * database that already holds it (its postings are not doubled: the same idempotency keys).
 *
 * <p>The events come in the batch's application order ({@link ApplyKeys}: participants first, then
 * services and transactions in the time order of §3.8, then records the reader cannot read), each
 * with a deterministic event id {@code <bank>-<period>-<sequence>-<file>-<line>} (the same package
 * replayed gives the same ids), {@code bank_code}, {@code sent_at} (the time of the replay) and the
 * record's fields as text, as a bank would send them. A record a file reader could not take apart
 * is sent as it was (not JSON): the topology rejects it with R102 {@code (event)}.
 */
public final class PackageReplay {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** One event to publish. */
  public record Event(
      EventTopic topic,
      String key,
      byte[] value,
      String eventId,
      String bankCode,
      @Nullable String ref,
      String fileName,
      long line) {}

  /** A verified package's events, or why the package was refused. */
  public record Prepared(Optional<Rejected> rejected, List<Event> events, String bankCode) {}

  private final PackageVerifier verifier;
  private final Clock clock;

  public PackageReplay(Registry registry, DueDates dueDates, Clock clock) {
    this.verifier =
        new PackageVerifier(
            registry, NO_HISTORY, dueDates, OpeningLimits.defaults(), ReadLimits.defaults());
    this.clock = clock;
  }

  /** Verifies the package and reads its records into events, in application order. */
  public Prepared prepare(Path path) {
    return prepare(path, event -> true);
  }

  /** As {@link #prepare(Path)}, keeping only the events {@code include} accepts. */
  public Prepared prepare(Path path, Predicate<Event> include) {
    Instant now = clock.instant();
    try (OpenedPackage pkg = OpenedPackage.open(Delivery.of(path), OpeningLimits.defaults())) {
      VerificationResult result = verifier.verify(pkg, now);
      if (result instanceof Rejected rejected) {
        String bank = Optional.ofNullable(rejected.identity().bankCode()).orElse("");
        return new Prepared(Optional.of(rejected), List.of(), bank);
      }
      Verified verified = (Verified) result;
      BankRegistryEntry bank = verified.bank();
      String prefix =
          bank.bankCode().value()
              + "-"
              + verified.period()
              + "-"
              + verified.manifest().sequence()
              + "-";
      String sentAt = now.atZone(SHANGHAI).toOffsetDateTime().toString();
      Map<String, Event> ordered = new java.util.TreeMap<>();
      int fileNo = 0;
      for (ManifestFile file : verified.manifest().files()) {
        fileNo++;
        try (DataFileReader records =
            pkg.records(file.name(), verified.manifest().encoding(), ReadLimits.defaults())) {
          while (records.hasNext()) {
            RawRecord raw = records.next();
            String eventId = prefix + file.name().replaceAll("\\..*$", "") + "-" + raw.line();
            Event event = event(file, raw, eventId, bank, sentAt);
            if (include.test(event)) {
              ordered.put(applyKey(file.type(), fileNo, raw, bank), event);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new Prepared(
          Optional.empty(), new ArrayList<>(ordered.values()), bank.bankCode().value());
    }
  }

  /**
   * Publishes the events in order, the record timestamps {@code firstMillis}, +1, +2, … so that the
   * topology (which takes its input partitions in timestamp order) applies them in this order.
   *
   * @return the next timestamp to use
   */
  public static long publish(
      Producer<String, byte[]> producer, List<Event> events, long firstMillis) {
    long at = firstMillis;
    for (Event event : events) {
      producer.send(
          new ProducerRecord<>(event.topic().topic(), null, at++, event.key(), event.value()));
    }
    producer.flush();
    return at;
  }

  private static Event event(
      ManifestFile file, RawRecord raw, String eventId, BankRegistryEntry bank, String sentAt) {
    EventTopic topic = topicOf(file.type());
    String bankCode = bank.bankCode().value();
    if (raw.problem().isPresent()) {
      return new Event(
          topic,
          bankCode + ":",
          ("(unreadable record of " + file.name() + " line " + raw.line() + ")")
              .getBytes(StandardCharsets.UTF_8),
          eventId,
          bankCode,
          null,
          file.name(),
          raw.line());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("event_id", eventId);
    fields.put("bank_code", bankCode);
    fields.put("sent_at", sentAt);
    raw.fields().forEach(fields::putIfAbsent);
    String ref = raw.fields().get(file.type().refColumn());
    byte[] json = JSON.writeValueAsBytes(fields);
    return new Event(
        topic,
        bankCode + ":" + (ref == null ? "" : ref),
        json,
        eventId,
        bankCode,
        ref,
        file.name(),
        raw.line());
  }

  private static String applyKey(FileType type, int fileNo, RawRecord raw, BankRegistryEntry bank) {
    if (raw.problem().isPresent()) {
      return ApplyKeys.unreadable(fileNo, raw.line());
    }
    return switch (type) {
      case PARTICIPANTS -> ApplyKeys.participant(fileNo, raw.line());
      case SERVICES ->
          new ServiceReader(bank.bankCode(), bank.amountBasis())
              .read(raw.fields())
              .record()
              .map(s -> ApplyKeys.timed(TimedRecord.positionOf(s), fileNo, raw.line()))
              .orElse(ApplyKeys.unreadable(fileNo, raw.line()));
      case TRANSACTIONS ->
          new TransactionReader(bank.bankCode())
              .read(raw.fields())
              .record()
              .map(t -> ApplyKeys.timed(TimedRecord.positionOf(t), fileNo, raw.line()))
              .orElse(ApplyKeys.unreadable(fileNo, raw.line()));
    };
  }

  private static EventTopic topicOf(FileType type) {
    return switch (type) {
      case PARTICIPANTS -> EventTopic.PARTICIPANTS;
      case SERVICES -> EventTopic.SERVICES;
      case TRANSACTIONS -> EventTopic.TRANSACTIONS;
    };
  }

  /** A replay is not a delivery: no earlier packages, no sequence to keep. */
  private static final PackageHistory NO_HISTORY =
      new PackageHistory() {
        @Override
        public List<cn.timebank.ingestion.verify.PriorPackage> accepted(
            cn.timebank.standards.model.BankCode bank, cn.timebank.standards.model.Period period) {
          return List.of();
        }

        @Override
        public Optional<String> identical(String sha256) {
          return Optional.empty();
        }
      };
}
