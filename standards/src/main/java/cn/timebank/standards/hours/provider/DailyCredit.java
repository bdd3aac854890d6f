package cn.timebank.standards.hours.provider;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.minutes.StandardMinutes;
import java.util.List;
import java.util.Objects;

/**
 * A service after the daily cap (spec §3.4): the minutes credited, and whether the cap took part or
 * all of its weighted minutes (W201).
 */
public record DailyCredit(ProviderService service, StandardMinutes credited) {

  public DailyCredit {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(credited, "credited");
    if (credited.isNegative() || credited.compareTo(service.weighted()) > 0) {
      throw new IllegalArgumentException("credited minutes lie between 0 and the weighted ones");
    }
  }

  /** W201: the daily cap was reached, part or all of this service is not credited. */
  public boolean capReached() {
    return credited.compareTo(service.weighted()) < 0;
  }

  /** The minutes the cap took. */
  public StandardMinutes notCredited() {
    return service.weighted().minus(credited);
  }

  public List<ResultCode> warnings() {
    return capReached() ? List.of(ResultCode.W201) : List.of();
  }
}
