package cn.timebank.simulator;

import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the services file of one bank's period, day by day, straight to the package: the ordinary
 * services of the day (some with an injected fault), then the day's planted ones; finally the
 * required faults that found no fitting service during the month. Counts what it wrote.
 *
 * <p>Services are spread over the days by weight: 1 on a working day, 0.6 on a weekend and 0.9 on
 * an official holiday of {@link OfficialHolidayCalendar} (a make-up working day is a working day),
 * so every period with holidays (New Year, Spring Festival, Qingming, May Day, Dragon Boat, Mid-
 * Autumn, National Day) gets holiday-band services, and always the same ones for the same seed.
 */
final class ServicesFile {

  private final BankRun run;
  private final OrdinaryServices ordinary;
  private final ServiceFaults faults;
  private final Map<String, Integer> perCategory = new HashMap<>();
  private RecordWriter out;
  private String packageName;
  private String fileName;
  private int serviceSeq;
  private int serviceIndex;
  private int holidayServices;
  private String lastCleanRef;
  private String firstCleanRef;

  ServicesFile(BankRun run, OrdinaryServices ordinary, ServiceFaults faults) {
    this.run = run;
    this.ordinary = ordinary;
    this.faults = faults;
  }

  void write(RecordWriter out, String packageName, String fileName) {
    this.out = out;
    this.packageName = packageName;
    this.fileName = fileName;
    int days = run.days;
    int total = World.split(run.options.services(), run.world.profiles)[run.index];
    int[] perDay = perDay(total);
    for (int day = 1; day <= days; day++) {
      for (int i = 0; i < perDay[day - 1]; i++) {
        ServiceRow row = ordinary.on(day);
        faults.maybeMutate(row, serviceIndex, lastCleanRef);
        write(row);
      }
      for (ServiceRow row : run.specials.get(day - 1)) {
        write(row);
      }
    }
    for (ServiceRow row : run.specials.get(days)) {
      write(row);
    }
    // required faults that found no suitable service during the month
    for (int tries = 0; !faults.pending().isEmpty() && tries < 200; tries++) {
      String code = faults.pending().peek();
      ServiceRow row =
          ordinary.on(code.equals("W205") ? 1 + tries % 2 : 1 + run.random.nextInt(days));
      if (row.isPlainIssuedCompleted() && faults.mutate(row, code, true, lastCleanRef)) {
        faults.pending().poll();
      }
      write(row);
    }
    if (!faults.pending().isEmpty()) {
      throw new IllegalStateException(
          "could not inject " + faults.pending() + " in " + run.bank.code());
    }
  }

  /** Services written by unified category code. */
  Map<String, Integer> perCategory() {
    return perCategory;
  }

  /** Services written that start on an official holiday (holiday band). */
  int holidayServices() {
    return holidayServices;
  }

  /** The ref of the first plain ISSUED, COMPLETED service written (reused for R118), or null. */
  String firstCleanRef() {
    return firstCleanRef;
  }

  private int[] perDay(int total) {
    int days = run.days;
    double[] weights = new double[days];
    double sum = 0;
    OfficialHolidayCalendar calendar = OfficialHolidayCalendar.builtIn();
    for (int d = 1; d <= days; d++) {
      LocalDate day = run.period.atDay(d);
      double w = calendar.isWorkingDay(day) ? 1.0 : 0.6;
      if (calendar.isHoliday(day)) {
        w = 0.9;
      }
      weights[d - 1] = w;
      sum += w;
    }
    int[] counts = new int[days];
    int given = 0;
    for (int d = 0; d < days; d++) {
      counts[d] = (int) Math.floor(total * weights[d] / sum);
      given += counts[d];
    }
    for (int d = 0; given < total; d = (d + 1) % days) {
      counts[d]++;
      given++;
    }
    return counts;
  }

  private void write(ServiceRow row) {
    String ref = row.refOverride != null ? row.refOverride : nextServiceRef();
    int line = out.write(row.values(ref, run.bank.offsetTimestamps()));
    serviceIndex++;
    perCategory.merge(row.category.code(), 1, Integer::sum);
    if (OfficialHolidayCalendar.builtIn().isHoliday(row.start.toLocalDate())) {
      holidayServices++;
    }
    if (row.fault != null) {
      run.truth.record(packageName, fileName, line, ref, row.fault);
    }
    if (row.pattern != null) {
      row.pattern.service(run.bank.code(), ref);
    }
    if (row.isPlainIssuedCompleted()) {
      lastCleanRef = ref;
      if (firstCleanRef == null) {
        firstCleanRef = ref;
      }
    }
  }

  private String nextServiceRef() {
    String digits = Integer.toString(++serviceSeq);
    return "S" + run.yymm + "-" + "0000000".substring(Math.min(7, digits.length())) + digits;
  }
}
