package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.read.JsonLineParser;
import cn.timebank.ingestion.read.RawRecord;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.rules.StoreLimits;
import cn.timebank.ingestion.rules.TimedRecord;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.ParticipantReader;
import cn.timebank.standards.model.ReadResult;
import cn.timebank.standards.model.ServiceReader;
import cn.timebank.standards.model.Timestamps;
import cn.timebank.standards.model.TransactionReader;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reading step: one input event (bytes) to a {@link LedgerEvent} or a {@link RejectRecord}. It
 * never throws on a bad event and needs no state. Checks, in order:
 *
 * <ol>
 *   <li>a value (R101 {@code (event)}), UTF-8 (R102 {@code (event)}), one JSON object whose values
 *       are strings or numbers, each key once — the JSON Lines rules of the batch ({@link
 *       JsonLineParser}; R102 of the field, or {@code (event)});
 *   <li>{@code bank_code} present (R101) and well-formed (R102); then a bank the registry knows and
 *       that is ACTIVE, else P003 (as a package's bank is checked before its records);
 *   <li>every field problem of the standards reader of the topic (R101, R102, R108, R109), {@code
 *       event_id} and {@code sent_at} present (R101) and well-formed (R102), and the key equal to
 *       {@code bank_code:ref} (R102 {@code (key)}: the key decides the partition): the lowest code.
 * </ol>
 *
 * The raw {@code id_number} ends here: the participant reader turns it into the person key and the
 * masked form, and echoes show it masked.
 */
final class EventReader {

  static final String EVENT = "(event)";
  static final String KEY = "(key)";

  /**
   * The longest event id: an accepted event's id is the source id of its postings, canonical record
   * and cap rows in the database ({@code source_id varchar(100)}, as a package id).
   */
  static final int MAX_EVENT_ID = 100;

  private final EventTopic topic;
  private final StreamConfig config;
  private final JsonLineParser parser;

  EventReader(EventTopic topic, StreamConfig config) {
    this.topic = topic;
    this.config = config;
    this.parser = new JsonLineParser(topic.topic(), ReadLimits.defaults());
  }

  ReadOutcome read(@Nullable String key, byte @Nullable [] value, Instant receivedAt) {
    if (value == null) {
      return reject(key, null, null, null, ResultCode.R101, EVENT, "has no value", Map.of());
    }
    Optional<String> text = utf8(value);
    if (text.isEmpty()) {
      return reject(key, null, null, null, ResultCode.R102, EVENT, "is not UTF-8 text", Map.of());
    }
    RawRecord raw = parser.parse(text.get(), 1);
    if (raw.problem().isPresent() && raw.refused().equals(Set.of(RawRecord.WHOLE_RECORD))) {
      // Echoed empty. Never the JSON parser's own message: it may quote the text, an id_number
      // included.
      return reject(
          key, null, null, null, ResultCode.R102, EVENT, "is not one JSON object", Map.of());
    }
    // An object refused for one value still names its event, bank and ref, is echoed (masked),
    // and gets the lowest code among that value's R102 and its other fields' problems.
    return readFields(key, raw, receivedAt);
  }

  private ReadOutcome readFields(@Nullable String key, RawRecord raw, Instant receivedAt) {
    Map<String, String> fields = raw.fields();
    Map<String, String> echo = Echo.of(fields);
    String eventId = present(fields, "event_id");
    String bankText = present(fields, "bank_code");
    String ref = present(fields, topic.refField());
    List<FieldProblem> problems = new ArrayList<>(envelopeProblems(eventId, fields));
    if (bankText == null) {
      problems.add(new FieldProblem("bank_code", ResultCode.R101, "is required but empty"));
    } else if (!BankCode.isValid(bankText)) {
      problems.add(
          new FieldProblem("bank_code", ResultCode.R102, "must be a bank code like 310109-001"));
    } else {
      BankCode bank = BankCode.of(bankText);
      Optional<BankRegistryEntry> entry = config.registry().find(bank);
      if (entry.isEmpty() || !entry.get().status().acceptsPackages()) {
        String why = entry.map(e -> "is " + e.status()).orElse("is not in the registry");
        return reject(key, eventId, bankText, ref, ResultCode.P003, "bank_code", why, echo);
      }
      if (ref != null && !(bankText + ":" + ref).equals(key)) {
        problems.add(
            new FieldProblem(KEY, ResultCode.R102, "must be bank_code:" + topic.refField()));
      }
      ReadResult<? extends TimedRecord> read = readRecord(entry.get(), fields);
      problems.addAll(read.problems());
      if (problems.isEmpty() && raw.isReadable()) {
        LedgerEvent event =
            new LedgerEvent(eventId, topic, bank, ref, receivedAt, echo, read.record().get());
        return new ReadOutcome.Readable(key, event);
      }
    }
    List<FieldProblem> all = raw.isReadable() ? problems : raw.problemsWith(problems);
    FieldProblem first = all.stream().min(FieldProblem.BY_CODE).orElseThrow();
    String field = first.field().equals(RawRecord.WHOLE_RECORD) ? EVENT : first.field();
    return reject(key, eventId, bankText, ref, first.code(), field, first.detail(), echo);
  }

  private static List<FieldProblem> envelopeProblems(
      @Nullable String eventId, Map<String, String> fields) {
    List<FieldProblem> problems = new ArrayList<>();
    if (eventId == null) {
      problems.add(new FieldProblem("event_id", ResultCode.R101, "is required but empty"));
    } else if (eventId.length() > MAX_EVENT_ID
        || eventId.chars().anyMatch(Character::isISOControl)) {
      problems.add(
          new FieldProblem(
              "event_id",
              ResultCode.R102,
              "must be at most " + MAX_EVENT_ID + " characters without control characters"));
    }
    String sentAt = present(fields, "sent_at");
    if (sentAt == null) {
      problems.add(new FieldProblem("sent_at", ResultCode.R101, "is required but empty"));
    } else {
      try {
        Timestamps.parseInstant(sentAt);
      } catch (RuntimeException e) {
        problems.add(new FieldProblem("sent_at", ResultCode.R102, "must be an ISO-8601 timestamp"));
      }
    }
    return problems;
  }

  private ReadResult<? extends TimedRecord> readRecord(
      BankRegistryEntry bank, Map<String, String> fields) {
    try {
      return switch (topic) {
        case PARTICIPANTS ->
            wrap(
                new ParticipantReader(bank.bankCode(), config.personKeySecret()).read(fields),
                StoreLimits::of,
                TimedRecord.OfParticipant::new);
        case SERVICES ->
            wrap(
                new ServiceReader(bank.bankCode(), bank.amountBasis()).read(fields),
                StoreLimits::of,
                TimedRecord.OfService::new);
        case TRANSACTIONS ->
            wrap(
                new TransactionReader(bank.bankCode()).read(fields),
                StoreLimits::of,
                TimedRecord.OfTransaction::new);
      };
    } catch (RuntimeException e) {
      // A reader reports problems as values; should one throw, the event is still rejected with
      // a code (and no state was touched), never dropped and never stopping the topology.
      return ReadResult.rejected(
          List.of(new FieldProblem(EVENT, ResultCode.R102, "could not be read")));
    }
  }

  /** The reader's result, or the store's limits on what it read (as the batch's staging). */
  private static <T, R extends TimedRecord> ReadResult<R> wrap(
      ReadResult<T> read,
      java.util.function.Function<T, List<FieldProblem>> limits,
      java.util.function.Function<T, R> as) {
    if (read.record().isPresent()) {
      List<FieldProblem> tooWide = limits.apply(read.record().get());
      if (!tooWide.isEmpty()) {
        return ReadResult.rejected(tooWide);
      }
    }
    return new ReadResult<>(read.record().map(as), read.problems());
  }

  private ReadOutcome reject(
      @Nullable String key,
      @Nullable String eventId,
      @Nullable String bankCode,
      @Nullable String ref,
      ResultCode code,
      String field,
      String detail,
      Map<String, String> echo) {
    RejectRecord reject = RejectRecord.of(eventId, topic, bankCode, ref, code, field, detail, echo);
    String outKey = bankCode != null && BankCode.isValid(bankCode) ? bankCode : key;
    return new ReadOutcome.Unreadable(outKey, reject);
  }

  private static @Nullable String present(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Optional<String> utf8(byte[] value) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
