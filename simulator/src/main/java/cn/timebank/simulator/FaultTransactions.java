package cn.timebank.simulator;

import java.util.List;

/** The transactions that carry an injected fault: R114, R115 and W207. */
final class FaultTransactions {

  private final BankRun run;
  private final FaultCarriers carriers;

  FaultTransactions(BankRun run, FaultCarriers carriers) {
    this.run = run;
    this.carriers = carriers;
  }

  void addTo(List<TxnRow> txns, List<String> codes) {
    for (String code : codes) {
      switch (code) {
        case "R114" -> {
          int ref = run.anyOrdinary(false);
          TxnRow t =
              new TxnRow(run.period.atDay(12).atTime(10, 30), "REVERSAL", BankBook.ref(ref), 60);
          t.reversesRef = "T" + run.yymm + "-999999";
          t.note = "撤销";
          t.fault =
              Fault.injected("R114", "reverses_ref", "reverses a txn_ref that does not exist");
          txns.add(t);
        }
        case "R115" -> {
          Person giver = carriers.carrier("R115");
          TxnRow t =
              new TxnRow(run.period.atDay(10).atTime(10, 0), "GIFT", BankBook.ref(giver.ref1), 600);
          t.counterpartyRef = BankBook.ref(run.anyOrdinary(false));
          t.note = "赠与亲属（子女）";
          t.fault = Fault.injected("R115", "standard_minutes", "gift of 600 with a balance of 120");
          txns.add(t);
        }
        case "W207" -> {
          int ref = run.anyOrdinary(true);
          TxnRow t =
              new TxnRow(run.period.atDay(15).atTime(11, 0), "TRANSFER_IN", BankBook.ref(ref), 240);
          List<BankProfile> profiles = run.world.profiles;
          t.counterpartyBank =
              profiles.size() > 1
                  ? profiles.get((run.index + 1) % profiles.size()).code()
                  : Banks.suspended(run.world.catalogue).code();
          t.note = "通存通兑转入";
          t.fault =
              Fault.injected(
                  "W207", "counterparty_bank", "no matching TRANSFER_OUT at the named bank");
          txns.add(t);
        }
        default -> {
          // W203 is an opening balance (planned with the carrier); R118/R119 are next period's
        }
      }
    }
  }
}
