package cn.timebank.ingestion.rules;

import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.storage.StorageCap;
import cn.timebank.standards.hours.storage.StorageSplit;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Funding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of spec §6: which account pays, and how a credit is split by the storage cap (§3.5,
 * W203) between the participant and the bank's pool. The cap is that of the standard in force on
 * the record's day; the balance it is measured against is the participant's balance now (all
 * entries applied so far and pending in this call), not the balance at the record's time: the cap
 * limits what an account holds.
 */
final class Crediting {

  private final StandardVersions versions;

  Crediting(StandardVersions versions) {
    this.versions = versions;
  }

  /** The account a service's funding debits: ISSUANCE, the recipient, or POOL. */
  static Account fundingAccount(Funding funding, String recipientRef) {
    return switch (funding) {
      case ISSUED -> Account.ISSUANCE;
      case BALANCE -> Account.participant(recipientRef);
      case POOL -> Account.POOL;
    };
  }

  /** Splits a credit to {@code participant} against its balance now, under the day's cap. */
  StorageSplit split(
      EffectsBuilder effects,
      BankCode bank,
      Account participant,
      StandardMinutes credit,
      LocalDate day) {
    return split(effects.balance(bank, participant), credit, day);
  }

  StorageSplit split(StandardMinutes balance, StandardMinutes credit, LocalDate day) {
    return StorageCap.of(versions.inForceOn(day)).split(balance, credit);
  }

  /** {@code from} pays {@code amount}; {@code to} gets the split, the pool any excess. */
  static List<Line> lines(Account from, Account to, StandardMinutes amount, StorageSplit split) {
    List<Line> lines = new ArrayList<>();
    add(lines, from, -amount.value());
    add(lines, to, split.toParticipant().value());
    add(lines, Account.POOL, split.toPool().value());
    return lines;
  }

  /** {@code from} pays {@code amount} to {@code to}, no storage cap (donation, transfer out). */
  static List<Line> lines(Account from, Account to, StandardMinutes amount) {
    List<Line> lines = new ArrayList<>();
    add(lines, from, -amount.value());
    add(lines, to, amount.value());
    return lines;
  }

  static void add(List<Line> lines, Account account, long minutes) {
    if (minutes != 0) {
      lines.add(Line.of(account, minutes));
    }
  }

  /** The sum per account of the postings' lines, zero sums left out. */
  static List<Line> net(List<Posting> postings) {
    Map<Account, Long> sums = new LinkedHashMap<>();
    for (Posting posting : postings) {
      for (Line line : posting.lines()) {
        sums.merge(line.account(), line.amount().value(), Long::sum);
      }
    }
    List<Line> lines = new ArrayList<>();
    sums.forEach((account, minutes) -> add(lines, account, minutes));
    return lines;
  }

  /** The opposite lines. */
  static List<Line> opposite(List<Line> lines) {
    return lines.stream().map(Line::reversed).toList();
  }
}
