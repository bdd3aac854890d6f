package cn.timebank.scoring.finding;

import java.util.Comparator;
import java.util.Objects;

/** A record a finding names: bank, kind ({@code SERVICE}) and the bank's ref. */
public record RecordRef(String bank, String kind, String ref) implements Comparable<RecordRef> {

  public static final String SERVICE = "SERVICE";

  private static final Comparator<RecordRef> ORDER =
      Comparator.comparing(RecordRef::bank)
          .thenComparing(RecordRef::kind)
          .thenComparing(RecordRef::ref);

  public RecordRef {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
  }

  public static RecordRef service(String bank, String ref) {
    return new RecordRef(bank, SERVICE, ref);
  }

  @Override
  public int compareTo(RecordRef other) {
    return ORDER.compare(this, other);
  }
}
