package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.TimedRecord;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two JSON forms of the topology. Both see record components only (fields, never getter-like
 * methods such as {@code isOpen()}), so a value reads back equal to what was written.
 *
 * <ul>
 *   <li>{@link #STORE}: the engine's records with their Java names, as text (for tests and
 *       diagnostics; the stores, the ordered topic and {@link Topics#RECORDS} use {@link
 *       BinarySerde}).
 *   <li>{@link #WIRE}: the output topics, {@code snake_case} like the spec's files; a published
 *       format.
 * </ul>
 */
final class StreamJson {

  static final JsonMapper STORE =
      JsonMapper.builder()
          .changeDefaultVisibility(
              v ->
                  v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                      .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
          .addMixIn(TimedRecord.class, TimedRecordTypes.class)
          .build();

  static final JsonMapper WIRE =
      STORE.rebuild().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private StreamJson() {}

  /** The three kinds of canonical record, named in JSON by {@code type}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = TimedRecord.OfParticipant.class, name = "PARTICIPANT"),
    @JsonSubTypes.Type(value = TimedRecord.OfService.class, name = "SERVICE"),
    @JsonSubTypes.Type(value = TimedRecord.OfTransaction.class, name = "TRANSACTION")
  })
  private interface TimedRecordTypes {}
}
