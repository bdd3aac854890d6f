package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.TimedRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event the ledger processor applied (accepted or confirmed), on {@link Topics#RECORDS}, for
 * the database sink: the canonical record (a participant holds only its person key and masked id,
 * never the identity number), the warnings and every effect of the engine (postings, daily-cap
 * rows, refs, transfer items, participant versions), so that the sink writes the database exactly
 * as the batch's apply step does. Internal to the platform: the binary form of {@link BinarySerde},
 * which may change with the code. Key: the event's {@code bank_code}.
 *
 * @param confirmed the same record again (spec §5): no effects, nothing to store but the event
 */
public record AppliedRecord(
    String eventId,
    EventTopic topic,
    String bankCode,
    String ref,
    Instant receivedAt,
    boolean confirmed,
    List<String> warnings,
    TimedRecord record,
    Effects effects)
    implements StreamOutput, SinkRecord {

  public AppliedRecord {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(bankCode, "bankCode");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(effects, "effects");
    warnings = List.copyOf(warnings);
  }
}
