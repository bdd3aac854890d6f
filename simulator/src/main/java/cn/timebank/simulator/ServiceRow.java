package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import java.time.LocalDateTime;

/** One service record on its way to the file; mutable so that a fault can be injected into it. */
final class ServiceRow {
  Person provider;
  Person recipient;
  String providerRef;
  String recipientRef;
  Category category;
  String localCategory;
  LocalDateTime start;
  LocalDateTime end;
  Integer localAmount;
  String funding = "ISSUED";
  String status = "COMPLETED";
  String verification;
  Integer rating;
  String location;
  LocalDateTime recordedAt;
  String refOverride;
  Fault fault;
  Patterns.Planted pattern;

  boolean isPlainIssuedCompleted() {
    return fault == null
        && pattern == null
        && "ISSUED".equals(funding)
        && "COMPLETED".equals(status);
  }

  String[] values(String ref, boolean offsets) {
    return new String[] {
      ref,
      providerRef,
      recipientRef,
      localCategory,
      TimestampText.format(start, offsets),
      end == null ? "" : TimestampText.format(end, offsets),
      localAmount == null ? "" : localAmount.toString(),
      funding,
      status,
      verification,
      rating == null ? "" : rating.toString(),
      location,
      TimestampText.format(recordedAt, offsets)
    };
  }
}
