package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** The value of one characteristic for one participant: a number, a category, or missing. */
public sealed interface CharacteristicValue {

  /** The value as stored and shown ({@code 12.5}, {@code REGULAR}); empty when missing. */
  Optional<String> text();

  static CharacteristicValue of(BigDecimal number) {
    return new Numeric(number);
  }

  static CharacteristicValue of(long number) {
    return new Numeric(BigDecimal.valueOf(number));
  }

  static CharacteristicValue category(String category) {
    return new Category(category);
  }

  static CharacteristicValue missing() {
    return Missing.INSTANCE;
  }

  record Numeric(BigDecimal number) implements CharacteristicValue {
    public Numeric {
      Objects.requireNonNull(number, "number");
    }

    @Override
    public Optional<String> text() {
      return Optional.of(number.toPlainString());
    }
  }

  record Category(String category) implements CharacteristicValue {
    public Category {
      Objects.requireNonNull(category, "category");
    }

    @Override
    public Optional<String> text() {
      return Optional.of(category);
    }
  }

  /** No value: e.g. a completion rate without any service to divide by. */
  enum Missing implements CharacteristicValue {
    INSTANCE;

    @Override
    public Optional<String> text() {
      return Optional.empty();
    }
  }
}
