package cn.timebank.app.demo;

import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ledger.balance.AccountBalance;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.entry.Account;
import cn.timebank.ledger.entry.AccountKind;
import cn.timebank.standards.minutes.StandardMinutes;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a bank's receipts and its balances from the ledger. */
final class BankSummary {

  private BankSummary() {}

  static void receipt(String file, Receipt receipt, PrintStream out) {
    long read = receipt.counts().files().values().stream().mapToLong(FileCount::read).sum();
    long accepted = receipt.counts().files().values().stream().mapToLong(FileCount::accepted).sum();
    Map<String, Long> rejected =
        receipt.counts().codes().entrySet().stream()
            .filter(e -> e.getKey().startsWith("R") || e.getKey().startsWith("P"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, Long> warnings =
        receipt.counts().codes().entrySet().stream()
            .filter(e -> e.getKey().startsWith("W"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    out.printf(
        "    %-30s %s  %s  accepted %,d of %,d  %s%n",
        file,
        receipt.status(),
        receipt.late() ? "late   " : "on time",
        accepted,
        read,
        receipt.packageId());
    if (!rejected.isEmpty()) {
      out.println("      rejected by code: " + codes(rejected));
    }
    if (!warnings.isEmpty()) {
      out.println("      warnings:         " + codes(warnings));
    }
  }

  static void balances(String bank, Balances balances, PrintStream out) {
    List<AccountBalance> accounts = balances.ofBank(bank);
    long holders =
        accounts.stream()
            .filter(a -> a.account().kind() == AccountKind.PARTICIPANT)
            .filter(a -> a.balance().isPositive())
            .count();
    out.printf(
        "    balances: %,d participants with a balance; #POOL %s h, #ISSUANCE %s h,"
            + " #CLEARING %s h; liability %s h%n",
        holders,
        hours(balances.of(bank, Account.POOL)),
        hours(balances.of(bank, Account.ISSUANCE)),
        hours(balances.of(bank, Account.CLEARING)),
        hours(balances.liability(bank)));
  }

  private static String hours(StandardMinutes minutes) {
    return minutes.hoursText();
  }

  private static String codes(Map<String, Long> codes) {
    return new java.util.TreeMap<>(codes)
        .entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
