package cn.timebank.ingestion.stream;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three input topics of the banks' events (JSON values, key {@code bank_code:ref}) and the
 * field that holds the record's ref.
 */
public enum EventTopic {
  PARTICIPANTS("tb.participants.v1", "participant_ref"),
  SERVICES("tb.services.v1", "service_ref"),
  TRANSACTIONS("tb.transactions.v1", "txn_ref");

  private final String topic;
  private final String refField;

  EventTopic(String topic, String refField) {
    this.topic = topic;
    this.refField = refField;
  }

  /** The topic name, e.g. {@code tb.services.v1}. */
  public String topic() {
    return topic;
  }

  /**
   * The field naming the record: {@code participant_ref}, {@code service_ref} or {@code txn_ref}.
   */
  public String refField() {
    return refField;
  }

  public static Optional<EventTopic> named(String topic) {
    return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
  }
}
