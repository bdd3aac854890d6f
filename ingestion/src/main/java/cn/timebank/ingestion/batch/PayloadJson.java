package cn.timebank.ingestion.batch;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staged payloads as JSON: the records' components only (their fields; derived getters such as
 * {@code StandardMinutes.isNegative()} are left out), {@code java.time} as ISO text.
 */
final class PayloadJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultVisibility(
              visibility ->
                  visibility
                      .withVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                      .withVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                      .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
          .build();

  private PayloadJson() {}

  static String write(Payload payload) {
    return MAPPER.writeValueAsString(payload);
  }

  static Payload read(String json) {
    return MAPPER.readValue(json, Payload.class);
  }
}
