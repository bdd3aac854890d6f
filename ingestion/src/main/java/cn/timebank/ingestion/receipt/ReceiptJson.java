package cn.timebank.ingestion.receipt;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receipts as JSON with the field names of spec §5 ({@code package_id}, {@code received_at}, {@code
 * counts.files}, ...); times as ISO-8601 with their {@code +08:00} offset.
 */
public final class ReceiptJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private static final ObjectMapper PRETTY =
      MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReceiptJson() {}

  public static String write(Receipt receipt) {
    return MAPPER.writeValueAsString(receipt);
  }

  public static String writePretty(Receipt receipt) {
    return PRETTY.writeValueAsString(receipt);
  }

  public static Receipt read(String json) {
    return MAPPER.readValue(json, Receipt.class);
  }
}
