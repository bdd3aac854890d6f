package cn.timebank.ingestion.verify;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.Timestamps;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * P006: the period is {@code YYYY-MM}; it has begun by the day of receipt (Asia/Shanghai), so the
 * current month may be reported; it is not before the month of the bank's {@code registered_since}.
 */
final class PeriodCheck {

  private PeriodCheck() {}

  static Period check(Manifest manifest, BankRegistryEntry bank, Instant receivedAt)
      throws Rejection {
    Period period;
    try {
      period = Period.parse(manifest.period());
    } catch (RuntimeException e) {
      // Never the parser's own text: a month 13 would read "Invalid value for MonthOfYear".
      throw reject("must be a month YYYY-MM, e.g. 2026-10 (was '" + manifest.period() + "')");
    }
    LocalDate receiptDay = Timestamps.toLocal(receivedAt).toLocalDate();
    if (period.firstDay().isAfter(receiptDay)) {
      throw reject("period " + period + " is in the future (received on " + receiptDay + ")");
    }
    YearMonth registered = YearMonth.from(bank.registeredSince());
    if (period.month().isBefore(registered)) {
      throw reject(
          "period "
              + period
              + " is before the bank was registered ("
              + bank.registeredSince()
              + ")");
    }
    return period;
  }

  private static Rejection reject(String detail) {
    return new Rejection(
        Rejected.atField(ResultCode.P006, PackageNames.MANIFEST, "period", detail));
  }
}
