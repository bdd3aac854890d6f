package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.util.Objects;

/**
 * The first package the regulator accepted from a bank (R119): its period and package id. A package
 * of the same period is that package or a correction of it.
 */
public record FirstPackage(BankCode bank, Period period, String packageId) {

  public FirstPackage {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(packageId, "packageId");
  }
}
