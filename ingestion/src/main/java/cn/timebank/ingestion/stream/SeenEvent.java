package cn.timebank.ingestion.stream;

/**
 * What the event-id store remembers of an applied (accepted or confirmed) event: its topic and ref.
 * The same event id again for the same topic and ref is a re-send (a no-op); for another record it
 * is R118 on {@code event_id}.
 */
record SeenEvent(EventTopic topic, String ref) {

  boolean sameRecordAs(LedgerEvent event) {
    return topic == event.topic() && ref.equals(event.ref());
  }
}
