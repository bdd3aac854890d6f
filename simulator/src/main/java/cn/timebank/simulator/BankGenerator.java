package cn.timebank.simulator;

import cn.timebank.standards.model.FileType;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one bank's package of the period (and, for the first bank when faults are asked for, the
 * package of the next period). Plans first, in a fixed order (the bank's random is drawn from in
 * that order): the fault carriers, the planted patterns, the transactions; then writes the
 * participants, the services (streamed day by day) and the transactions.
 */
final class BankGenerator {

  private final BankRun run;
  private final KeyPair key;
  private final List<String> serviceCodes = new ArrayList<>();
  private final List<String> transactionCodes = new ArrayList<>();

  BankGenerator(
      World world,
      int bankIndex,
      SimulationOptions options,
      List<String> requiredCodes,
      Truth truth,
      Patterns patterns,
      KeyPair key) {
    this.run = new BankRun(world, bankIndex, options, truth, patterns);
    this.key = key;
    for (String code : requiredCodes) {
      (ServiceFaults.MUTATIONS.contains(code) ? serviceCodes : transactionCodes).add(code);
    }
  }

  /** What was written for the bank. */
  record Output(
      List<String> packages,
      Map<String, Integer> records,
      Map<String, Integer> perCategory,
      int holidayServices,
      Map<String, RecordWriter.Head> heads) {}

  Output generate() {
    List<String> carrierCodes = new ArrayList<>(serviceCodes);
    carrierCodes.addAll(transactionCodes);
    FaultCarriers carriers = FaultCarriers.plan(run, carrierCodes);
    ProviderPools pools = ProviderPools.of(run);
    ServiceFactory factory = new ServiceFactory(run);
    new PatternPlanter(run, pools, factory).plantAll();
    TransactionPlanner planner = new TransactionPlanner(run);
    List<TxnRow> txns = planner.plan(carriers, transactionCodes);
    ServicesFile services =
        new ServicesFile(
            run,
            new OrdinaryServices(run, pools, factory, planner.poolBudget()),
            new ServiceFaults(run, carriers, serviceCodes));

    BankProfile bank = run.bank;
    SimulationOptions options = run.options;
    List<String> packages = new ArrayList<>();
    Map<String, Integer> records = new LinkedHashMap<>();
    Map<String, RecordWriter.Head> heads = new LinkedHashMap<>();
    int keep = run.index == 0 ? 20 : 0;
    try (PackageWriter writer =
        new PackageWriter(options.out(), bank, run.period, 1, key, options.folders())) {
      String name = writer.deliveredName();
      RecordWriter participants = writer.begin(FileType.PARTICIPANTS, keep);
      writeParticipants(participants, carriers, name, writer.currentFile());
      heads.put(writer.currentFile(), participants.head());
      writer.end();
      RecordWriter servicesOut = writer.begin(FileType.SERVICES, keep);
      services.write(servicesOut, name, writer.currentFile());
      heads.put(writer.currentFile(), servicesOut.head());
      writer.end();
      RecordWriter transactions = writer.begin(FileType.TRANSACTIONS, keep);
      writeTransactions(transactions, txns, name, writer.currentFile());
      heads.put(writer.currentFile(), transactions.head());
      writer.end();
      writer.finish();
      writer.files().forEach(f -> records.put(f.name(), f.records()));
      packages.add(name);
    }
    if (run.index == 0 && options.errorRate() > 0) {
      packages.add(new NextPeriodPackage(run, pools, factory, key).write(services.firstCleanRef()));
    }
    return new Output(packages, records, services.perCategory(), services.holidayServices(), heads);
  }

  private void writeParticipants(
      RecordWriter out, FaultCarriers carriers, String packageName, String file) {
    BankBook book = run.book;
    int b = run.index;
    for (int ref = 1; ref <= book.members.size(); ref++) {
      Person p = book.member(ref);
      String registered = LocalDate.ofEpochDay(p.registeredIn(b)).toString();
      boolean home = p.bank1 == b;
      String[] values = {
        BankBook.ref(ref),
        p.passport ? "PASSPORT" : "RESIDENT_ID",
        p.idNumber(),
        p.name(),
        p.male ? "M" : "F",
        LocalDate.ofEpochDay(p.birthFieldDay).toString(),
        Integer.toString(p.residence),
        p.rolesText(),
        registered,
        home ? p.statusText() : "ACTIVE",
        home ? LocalDate.ofEpochDay(p.statusDay).toString() : registered,
        p.livesAlone ? "Y" : "N",
        p.lowIncome ? "Y" : "N",
        Integer.toString(p.disability),
        p.certificatesText()
      };
      int line = out.write(values);
      Fault fault = carriers.participantFault(ref);
      if (fault != null) {
        run.truth.record(packageName, file, line, BankBook.ref(ref), fault);
      }
    }
  }

  private void writeTransactions(
      RecordWriter out, List<TxnRow> txns, String packageName, String file) {
    for (TxnRow t : txns) {
      int line = out.write(t.values(run.bank.offsetTimestamps()));
      if (t.fault != null) {
        run.truth.record(packageName, file, line, t.ref, t.fault);
      }
    }
  }
}
