package cn.timebank.standards.hours.storage;

import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.minutes.StandardMinutes;
import java.util.Objects;

/**
 * Spec §3.5: a participant's balance at one bank holds at most the storage cap (1,500 hours in
 * TBHS-2024.1); any credit beyond it (service, gift, transfer in, opening balance) goes to that
 * bank's pool (W203). A balance already above the cap (a later version may lower it) keeps what it
 * has and takes nothing more.
 */
public final class StorageCap {

  private final StandardMinutes cap;

  public StorageCap(StandardMinutes cap) {
    this.cap = Objects.requireNonNull(cap, "cap");
    if (!cap.isPositive()) {
      throw new IllegalArgumentException("the storage cap is positive");
    }
  }

  /** The cap of {@code standard}: storage_cap_hours × 60 standard minutes. */
  public static StorageCap of(HourStandard standard) {
    return new StorageCap(standard.caps().storageCap());
  }

  public StandardMinutes cap() {
    return cap;
  }

  /**
   * Splits {@code credit} arriving on a participant whose balance at the bank is {@code balance}.
   */
  public StorageSplit split(StandardMinutes balance, StandardMinutes credit) {
    Objects.requireNonNull(balance, "balance");
    if (credit.isNegative()) {
      throw new IllegalArgumentException("a credit is not negative: " + credit);
    }
    StandardMinutes room = cap.minus(balance).max(StandardMinutes.ZERO);
    StandardMinutes kept = credit.min(room);
    return new StorageSplit(kept, credit.minus(kept));
  }
}
