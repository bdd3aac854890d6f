package cn.timebank.simulator;

import cn.timebank.standards.model.FileType;
import java.security.KeyPair;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The first bank's package of period + 1, sequence 1: a few services, the last reusing a ref of the
 * period with new content (R118), and an opening balance after the first accepted package (R119).
 */
final class NextPeriodPackage {

  private final BankRun run;
  private final ProviderPools pools;
  private final ServiceFactory factory;
  private final KeyPair key;

  NextPeriodPackage(BankRun run, ProviderPools pools, ServiceFactory factory, KeyPair key) {
    this.run = run;
    this.pools = pools;
    this.factory = factory;
    this.key = key;
  }

  /** Writes the package; returns its delivered name. */
  String write(String firstCleanRef) {
    YearMonth next = run.period.plusMonths(1);
    String nextYymm = TimestampText.shortPeriod(next);
    BankProfile bank = run.bank;
    try (PackageWriter pw =
        new PackageWriter(run.options.out(), bank, next, 1, key, run.options.folders())) {
      String name = pw.deliveredName();
      pw.begin(FileType.PARTICIPANTS, 0);
      pw.end();
      RecordWriter out = pw.begin(FileType.SERVICES, 0);
      int[] providerRefs = pools.providerRefs();
      int[] recipientRefs = pools.recipientRefs();
      int used = 0;
      List<Integer> chosen = new ArrayList<>();
      for (int i = 0; chosen.size() < 5 && i < providerRefs.length * 4; i++) {
        int ref = providerRefs[run.random.nextInt(providerRefs.length)];
        if (!chosen.contains(ref)) {
          chosen.add(ref);
        }
      }
      for (int k = 0; k < chosen.size(); k++) {
        int providerRef = chosen.get(k);
        int recipientRef = recipientRefs[run.random.nextInt(recipientRefs.length)];
        if (recipientRef == providerRef
            || run.book.member(recipientRef).ageOn(next.atDay(1)) < 60) {
          recipientRef = pickOld(providerRef, next);
        }
        ServiceRow row =
            factory.build(
                bank,
                run.book.member(providerRef),
                providerRef,
                recipientRef,
                run.category(Catalogue.LIVING_ASSIST),
                next.atDay(3 + k).atTime(9, 0),
                90,
                true);
        row.recordedAt = row.end.plusHours(3);
        boolean reuse = k == chosen.size() - 1 && firstCleanRef != null;
        String ref = reuse ? firstCleanRef : "S" + nextYymm + "-" + String.format("%07d", ++used);
        int line = out.write(row.values(ref, bank.offsetTimestamps()));
        if (reuse) {
          run.truth.record(
              name,
              pw.currentFile(),
              line,
              ref,
              Fault.injected(
                  "R118",
                  "service_ref",
                  "service_ref of " + run.period + " reused for another service"));
        }
      }
      pw.end();
      RecordWriter tx = pw.begin(FileType.TRANSACTIONS, 0);
      int ref = run.anyOrdinary(true);
      TxnRow t =
          new TxnRow(next.atDay(1).atStartOfDay(), "OPENING_BALANCE", BankBook.ref(ref), 600);
      t.ref = "T" + nextYymm + "-000001";
      t.note = "补录上线前结余";
      int line = tx.write(t.values(bank.offsetTimestamps()));
      run.truth.record(
          name,
          pw.currentFile(),
          line,
          t.ref,
          Fault.injected(
              "R119", "type", "OPENING_BALANCE after the bank's first accepted package"));
      pw.end();
      pw.finish();
      return name;
    }
  }

  private int pickOld(int notRef, YearMonth next) {
    for (int ref : pools.recipientRefs()) {
      if (ref != notRef && run.book.member(ref).ageOn(next.atDay(1)) >= 60) {
        return ref;
      }
    }
    throw new IllegalStateException("no recipient aged 60+ in " + run.bank.code());
  }
}
