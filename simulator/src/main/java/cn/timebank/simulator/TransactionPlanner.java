package cn.timebank.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transactions of one bank's period, in time order with their refs: opening balances, the
 * transfers of the world, donations (one reversed), gifts to relatives and the fault carriers
 * (R114, R115, W207). Remembers how many donated minutes the pool holds for POOL services.
 */
final class TransactionPlanner {

  private static final String[] RELATIONS = {"子女", "配偶", "父母", "兄弟姐妹", "孙辈"};

  private final BankRun run;
  private final BankBook book;
  private final List<TxnRow> txns = new ArrayList<>();
  private int poolBudget;

  TransactionPlanner(BankRun run) {
    this.run = run;
    this.book = run.book;
  }

  /** Plans every transaction; {@code faultCodes} are the transaction faults asked of the bank. */
  List<TxnRow> plan(FaultCarriers carriers, List<String> faultCodes) {
    LocalDateTime opening = run.world.periodStart.atStartOfDay();
    for (int ref = 1; ref <= book.members.size(); ref++) {
      int minutes = book.opening[ref - 1];
      if (minutes > 0) {
        TxnRow t = new TxnRow(opening, "OPENING_BALANCE", BankBook.ref(ref), minutes);
        t.note = "平台上线前结余";
        t.fault = carriers.openingFault(ref);
        txns.add(t);
      }
    }
    transfers();
    donations();
    gifts();
    new FaultTransactions(run, carriers).addTo(txns, faultCodes);
    txns.sort(Comparator.comparing(t -> t.at));
    int seq = 0;
    for (TxnRow t : txns) {
      t.ref = "T" + run.yymm + "-" + String.format("%06d", ++seq);
    }
    return txns;
  }

  /** Donated minutes (less the reversed donation) that POOL services may use. */
  int poolBudget() {
    return poolBudget;
  }

  private void transfers() {
    List<BankProfile> profiles = run.world.profiles;
    for (World.Transfer t : run.world.transfers) {
      if (t.outBank() == run.index) {
        TxnRow row = new TxnRow(t.outAt(), "TRANSFER_OUT", BankBook.ref(t.outRef()), t.minutes());
        row.counterpartyBank = profiles.get(t.inBank()).code();
        row.note = "通存通兑转出至" + profiles.get(t.inBank()).name();
        txns.add(row);
      }
      if (t.inBank() == run.index) {
        TxnRow row = new TxnRow(t.inAt(), "TRANSFER_IN", BankBook.ref(t.inRef()), t.minutes());
        row.counterpartyBank = profiles.get(t.outBank()).code();
        row.note = "通存通兑自" + profiles.get(t.outBank()).name() + "转入";
        txns.add(row);
      }
    }
  }

  private void donations() {
    int count = Math.max(2, book.members.size() / 100);
    List<TxnRow> donations = new ArrayList<>();
    for (int tries = 0; tries < count * 20 && donations.size() < count; tries++) {
      int ref = 1 + run.random.nextInt(book.members.size());
      int minutes = 60 * (1 + run.random.nextInt(10));
      if (!run.ordinaryActive(ref) || !book.spend(ref, minutes)) {
        continue;
      }
      LocalDateTime at =
          run.period
              .atDay(1 + run.random.nextInt(2))
              .atTime(9 + run.random.nextInt(8), 5 * run.random.nextInt(12));
      TxnRow t = new TxnRow(at, "DONATION", BankBook.ref(ref), minutes);
      t.note = "捐赠至互助池";
      donations.add(t);
      poolBudget += minutes;
    }
    txns.addAll(donations);
    if (donations.size() >= 2) {
      TxnRow donation = donations.get(donations.size() - 1);
      TxnRow reversal =
          new TxnRow(
              donation.at.plusDays(1), "REVERSAL", donation.participantRef, donation.minutes);
      reversal.reverses = donation;
      reversal.note = "误捐撤销";
      poolBudget -= donation.minutes;
      txns.add(reversal);
    }
  }

  private void gifts() {
    int count = Math.max(1, book.members.size() / 70);
    int made = 0;
    for (int tries = 0; tries < count * 20 && made < count; tries++) {
      int giver = 1 + run.random.nextInt(book.members.size());
      if (!run.ordinaryActive(giver) || book.spendable[giver - 1] < 120) {
        continue;
      }
      int receiver = relativeOf(giver);
      if (receiver < 0) {
        continue;
      }
      int minutes = 60 * (1 + run.random.nextInt(Math.min(10, book.spendable[giver - 1] / 60)));
      if (!book.spend(giver, minutes)) {
        continue;
      }
      book.giftedOrTransferredIn[receiver - 1] = true;
      LocalDateTime at =
          run.period
              .atDay(3 + run.random.nextInt(run.days - 3))
              .atTime(8 + run.random.nextInt(12), 5 * run.random.nextInt(12));
      TxnRow t = new TxnRow(at, "GIFT", BankBook.ref(giver), minutes);
      t.counterpartyRef = BankBook.ref(receiver);
      t.note = "赠与亲属（" + RELATIONS[run.random.nextInt(RELATIONS.length)] + "）";
      txns.add(t);
      made++;
    }
  }

  /** A relative: preferably a participant with the same surname; never near the storage cap. */
  private int relativeOf(int giver) {
    int fallback = -1;
    short surname = book.member(giver).surname;
    for (int tries = 0; tries < 40; tries++) {
      int ref = 1 + run.random.nextInt(book.members.size());
      Person p = book.member(ref);
      if (ref == giver || !run.ordinaryActive(ref) || p.nearCap) {
        continue;
      }
      if (p.surname == surname) {
        return ref;
      }
      fallback = ref;
    }
    return fallback;
  }
}
