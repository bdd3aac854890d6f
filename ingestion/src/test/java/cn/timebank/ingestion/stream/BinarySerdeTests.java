package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class BinarySerdeTests {

  enum Colour {
    RED,
    GREEN
  }

  sealed interface Shape permits Circle, Square {}

  record Circle(long radius) implements Shape {}

  record Square(Optional<Integer> side, @org.jspecify.annotations.Nullable String label)
      implements Shape {}

  record Everything(
      String text,
      boolean flag,
      int small,
      long big,
      Long boxed,
      Colour colour,
      LocalDate day,
      LocalDateTime at,
      Instant instant,
      YearMonth month,
      BigDecimal amount,
      Optional<String> maybe,
      Optional<LocalDateTime> maybeAt,
      List<Shape> shapes,
      Set<String> tags,
      Map<String, String> fields,
      List<List<Colour>> nested) {}

  record Unsupported(Object anything) {}

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  @Test
  void aValueReadsBackEqualToWhatWasWritten() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id_number", "110105********123");
    fields.put("name", "王小明 ✓ 𠀀");
    fields.put("empty", "");
    fields.put("none", null);
    Everything value =
        new Everything(
            "a␟b/c:d",
            true,
            -7,
            Long.MIN_VALUE,
            null,
            Colour.GREEN,
            LocalDate.of(1900, 1, 1),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
            Instant.ofEpochSecond(-1, 5),
            YearMonth.of(2026, 11),
            new BigDecimal("12.500"),
            Optional.of("x"),
            Optional.empty(),
            List.of(
                new Circle(3), new Square(Optional.empty(), null), new Square(Optional.of(4), "")),
            Set.of("b", "a"),
            fields,
            List.of(List.of(), List.of(Colour.RED, Colour.GREEN)));

    Everything read = roundTrip(BinarySerde.of(Everything.class), value);

    assertThat(read).isEqualTo(value);
    assertThat(read.amount().scale()).isEqualTo(3);
    assertThat(read.fields().keySet()).containsExactly("id_number", "name", "empty", "none");
  }

  @Test
  void nullIsNull() {
    Serde<Circle> serde = BinarySerde.of(Circle.class);
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void aValueOfAnotherFormatFailsToRead() {
    Serde<Circle> serde = BinarySerde.of(Circle.class);
    assertThatThrownBy(
            () ->
                serde
                    .deserializer()
                    .deserialize("t", "{\"radius\":3}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("reset the application");
    byte[] cut = serde.serializer().serialize("t", new Circle(3));
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", java.util.Arrays.copyOf(cut, 4)))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void aTypeWithoutABinaryFormFailsWhenTheSerdeIsMade() {
    assertThatThrownBy(() -> BinarySerde.of(Unsupported.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Object");
  }
}
