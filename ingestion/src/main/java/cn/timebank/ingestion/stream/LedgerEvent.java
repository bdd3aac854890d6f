package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.TimedRecord;
import cn.timebank.standards.model.BankCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event that passed the standards reader, on its way to the ledger processor through the
 * internal ordered topic: the canonical record (a participant holds only the person key and the
 * masked id), where it came from, and its fields as read with {@code id_number} masked (for a
 * reject's echo). No raw identity number leaves the reading step.
 *
 * @param receivedAt the input record's timestamp (deterministic on replay, unlike a wall clock)
 */
record LedgerEvent(
    String eventId,
    EventTopic topic,
    BankCode bank,
    String ref,
    Instant receivedAt,
    Map<String, String> echo,
    TimedRecord record) {

  LedgerEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(record, "record");
    echo = new LinkedHashMap<>(echo);
  }
}
