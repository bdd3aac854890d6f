package cn.timebank.ingestion.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON serde for one type, through one of the {@link StreamJson} mappers. Only for values this
 * code wrote: the banks' events are read as bytes and parsed by {@link EventReader}, so a malformed
 * event never reaches a deserializer.
 */
final class JsonSerde {

  private JsonSerde() {}

  static <T> Serde<T> of(JsonMapper mapper, Class<T> type) {
    return of(mapper, mapper.constructType(type));
  }

  static <T> Serde<T> of(JsonMapper mapper, JavaType type) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            return mapper.writeValueAsBytes(value);
          } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type + " as JSON", e);
          }
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return mapper.readValue(bytes, type);
          } catch (JacksonException e) {
            throw new SerializationException("cannot read " + type + " from JSON", e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
