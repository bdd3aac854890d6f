package cn.timebank.simulator;

import cn.timebank.standards.model.AmountBasis;
import java.security.KeyPair;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one bank's package of the period (and, for the first bank when faults are asked for, the
 * package of the next period): participants, services streamed day by day straight to the file,
 * transactions. Plans the fault carriers and the planted patterns before writing.
 */
final class BankGenerator {

  /** Codes injected by mutating an ordinary service. */
  static final List<String> SERVICE_MUTATIONS =
      List.of(
          "R101", "R102", "R103", "R104", "R105", "R106", "R107", "R110", "R111", "R112", "R113",
          "R116", "R117", "W202", "W205", "W206");

  /** Mutations drawn at random at the error rate (no special carrier person needed). */
  private static final List<String> RANDOM_MUTATIONS =
      List.of(
          "R101", "R102", "R103", "R104", "R105", "R106", "R107", "R110", "R113", "R116", "W202",
          "W205");

  private static final Catalogue[] NIGHT_CATEGORIES = {
    Catalogue.SAFETY_VISIT,
    Catalogue.EMOTIONAL_SUPPORT,
    Catalogue.LIVING_ASSIST,
    Catalogue.PERSONAL_CARE,
    Catalogue.SKILLED_NURSING
  };

  /** Relative frequency of the categories in ordinary services. */
  private static final int[] CATEGORY_WEIGHTS = {30, 8, 10, 14, 12, 10, 5, 4, 5, 2};

  private final World world;
  private final int b;
  private final BankBook book;
  private final BankProfile bank;
  private final SimulationOptions options;
  private final Truth truth;
  private final Patterns patterns;
  private final KeyPair key;
  private final SplittableRandom random;
  private final YearMonth period;
  private final int days;
  private final LocalDateTime generatedAt;
  private final String yymm;
  private final List<List<ServiceRow>> specials = new ArrayList<>();
  private final Deque<String> pendingMutations = new ArrayDeque<>();
  private final Map<String, Person> carriers = new HashMap<>();
  private final Map<Integer, Fault> faultParticipants = new HashMap<>();
  private final Map<Integer, Fault> faultOpenings = new HashMap<>();
  private final List<String> faultTxnCodes = new ArrayList<>();
  private final List<TxnRow> txns = new ArrayList<>();
  private final Map<Catalogue, Integer> perCategory = new EnumMap<>(Catalogue.class);
  private final List<String> packages = new ArrayList<>();
  private final Map<String, Integer> records = new LinkedHashMap<>();
  private int[] providerRefs;
  private int[] recipientRefs;
  private int poolBudget;
  private int serviceSeq;
  private int serviceIndex;
  private int nextRequiredAt;
  private String lastCleanRef;
  private String firstCleanRef;
  private String packageName;
  private String servicesFile;
  private PackageWriter writer;
  private RecordWriter services;
  private int holidayServices;
  private Map<String, RecordWriter.Head> heads = Map.of();

  BankGenerator(
      World world,
      int bankIndex,
      SimulationOptions options,
      List<String> requiredCodes,
      Truth truth,
      Patterns patterns,
      KeyPair key) {
    this.world = world;
    this.b = bankIndex;
    this.book = world.books.get(bankIndex);
    this.bank = book.profile;
    this.options = options;
    this.truth = truth;
    this.patterns = patterns;
    this.key = key;
    this.random = new SplittableRandom(options.seed() * 1_000_003L + 7919L * (bankIndex + 1));
    this.period = options.period();
    this.days = period.lengthOfMonth();
    this.generatedAt = Timestamps.generatedAt(period);
    this.yymm = Timestamps.shortPeriod(period);
    for (int d = 0; d <= days; d++) {
      specials.add(new ArrayList<>());
    }
    specials.get(days).addAll(world.deferred.get(bankIndex));
    for (String code : requiredCodes) {
      if (SERVICE_MUTATIONS.contains(code)) {
        pendingMutations.add(code);
      } else {
        faultTxnCodes.add(code);
      }
    }
  }

  /** What was written for the bank. */
  record Output(
      List<String> packages,
      Map<String, Integer> records,
      Map<Catalogue, Integer> perCategory,
      int holidayServices,
      Map<String, RecordWriter.Head> heads) {}

  Output generate() {
    planCarriers();
    pools();
    planPatterns();
    planTransactions();
    writer = new PackageWriter(options.out(), bank, period, 1, key, options.folders());
    packageName = writer.deliveredName();
    Map<String, RecordWriter.Head> kept = new LinkedHashMap<>();
    int keep = b == 0 ? 20 : 0;
    try (PackageWriter open = writer) {
      RecordWriter participants = writer.begin("PARTICIPANTS", Columns.PARTICIPANTS, keep);
      writeParticipants(participants);
      kept.put(writer.currentFile(), participants.head());
      writer.end();
      services = writer.begin("SERVICES", Columns.SERVICES, keep);
      servicesFile = writer.currentFile();
      writeServices();
      kept.put(writer.currentFile(), services.head());
      writer.end();
      RecordWriter transactions = writer.begin("TRANSACTIONS", Columns.TRANSACTIONS, keep);
      writeTransactions(transactions);
      kept.put(writer.currentFile(), transactions.head());
      writer.end();
      writer.finish();
      writer.files().forEach(f -> records.put(f.name(), f.records()));
    }
    packages.add(packageName);
    heads = kept;
    if (b == 0 && options.errorRate() > 0) {
      writeNextPeriod();
    }
    return new Output(packages, records, perCategory, holidayServices, heads);
  }

  // ---------------------------------------------------------------- planning

  /** Creates the persons that carry faults needing a special participant. */
  private void planCarriers() {
    List<String> all = new ArrayList<>(pendingMutations);
    all.addAll(faultTxnCodes);
    for (String code : all) {
      switch (code) {
        case "R108" -> {
          Person p = world.newFaultPerson(random, b, Person.RECIPIENT, 70 + random.nextInt(15));
          char wrong = p.idCheck == '1' ? '2' : '1';
          p.idOverride = Long.toString(p.idPrefix) + wrong;
          int ref = world.registerFault(p, b, random);
          faultParticipants.put(
              ref, Fault.injected("R108", "id_number", "check character replaced by " + wrong));
        }
        case "R109" -> {
          Person p = world.newFaultPerson(random, b, Person.RECIPIENT, 70 + random.nextInt(15));
          p.birthFieldDay = p.birthDay + 40;
          int ref = world.registerFault(p, b, random);
          faultParticipants.put(
              ref, Fault.injected("R109", "birth_date", "birth_date 40 days after the ID's"));
        }
        case "R111" -> carriers.put(code, carrier(Person.PROVIDER, 16, Person.ACTIVE, 0, 0));
        case "R112" -> carriers.put(code, carrier(Person.PROVIDER, 55, Person.SUSPENDED, 0, 0));
        case "R117" -> carriers.put(code, carrier(Person.RECIPIENT, 50, Person.ACTIVE, 2, 3000));
        case "W206" -> carriers.put(code, carrier(Person.RECIPIENT, 45, Person.ACTIVE, 0, 0));
        case "R115" -> carriers.put(code, carrier(Person.RECIPIENT, 68, Person.ACTIVE, 1, 120));
        case "W203" -> {
          Person p = carrier(Person.RECIPIENT, 80, Person.ACTIVE, 3, 92_000);
          carriers.put(code, p);
          faultOpenings.put(
              p.ref1,
              Fault.injected(
                  "W203", "standard_minutes", "opening balance of 92000 above the 90000 cap"));
        }
        default -> {
          // service mutations and R114/W207/R118/R119 need no carrier person
        }
      }
    }
  }

  private Person carrier(byte roles, int age, byte status, int disability, int opening) {
    Person p = world.newFaultPerson(random, b, roles, age);
    p.status = status;
    p.disability = (byte) disability;
    int ref = world.registerFault(p, b, random);
    if (status != Person.ACTIVE) {
      p.statusDay = (int) world.periodStart.minusDays(20).toEpochDay();
    }
    if (opening > 0) {
      book.setOpening(ref, opening);
    }
    return p;
  }

  private void pools() {
    List<Integer> providers = new ArrayList<>();
    List<Integer> recipients = new ArrayList<>();
    for (int ref = 1; ref <= book.members.size(); ref++) {
      Person p = book.member(ref);
      if (!p.isOrdinary() || !p.isActive()) {
        continue;
      }
      if (p.isProvider() && p.providerSlot >= 0) {
        providers.add(ref);
      }
      if (p.isRecipient()) {
        recipients.add(ref);
      }
    }
    if (providers.isEmpty() || recipients.size() < 2) {
      throw new IllegalArgumentException(
          "bank " + bank.code() + " has too few participants: raise --participants");
    }
    providerRefs = providers.stream().mapToInt(Integer::intValue).toArray();
    recipientRefs = recipients.stream().mapToInt(Integer::intValue).toArray();
    int capacity = providerRefs.length * days * 2;
    int wanted = World.split(options.services(), world.profiles)[b];
    if (wanted > capacity) {
      throw new IllegalArgumentException(
          "bank "
              + bank.code()
              + ": "
              + wanted
              + " services need more providers than "
              + providerRefs.length
              + " (at most about 2 services per provider-day): raise --participants");
    }
  }

  private void planPatterns() {
    List<Integer> both = new ArrayList<>();
    List<Integer> plainProviders = new ArrayList<>();
    for (int ref : providerRefs) {
      Person p = book.member(ref);
      if (p.roles == Person.BOTH) {
        both.add(ref);
      } else if (!p.isCrossBank()) {
        plainProviders.add(ref);
      }
    }
    if (both.size() >= 2) {
      int a = both.get(0);
      int c = both.get(1);
      Patterns.Planted planted =
          patterns.plant(
              "RECIPROCAL",
              bank.code(),
              List.of(BankBook.ref(a), BankBook.ref(c)),
              "two participants serve each other with similar hours (reciprocal inflation)",
              List.of());
      for (int k = 0; k < 8 && 2 + 3 * k < days; k++) {
        boolean forward = k % 2 == 0;
        pattern(
            planted,
            forward ? a : c,
            forward ? c : a,
            2 + 3 * k,
            Catalogue.EMOTIONAL_SUPPORT,
            10 * 60,
            90 + 5 * random.nextInt(7),
            null);
      }
    }
    if (both.size() >= 5) {
      int x = both.get(2);
      int y = both.get(3);
      int z = both.get(4);
      Patterns.Planted planted =
          patterns.plant(
              "CYCLE",
              bank.code(),
              List.of(BankBook.ref(x), BankBook.ref(y), BankBook.ref(z)),
              "services A->B, B->C, C->A within 30 days",
              List.of());
      pattern(planted, x, y, 4, Catalogue.LIVING_ASSIST, 14 * 60, 120, null);
      pattern(planted, y, z, 11, Catalogue.LIVING_ASSIST, 14 * 60, 120, null);
      pattern(planted, z, x, 18, Catalogue.LIVING_ASSIST, 14 * 60, 120, null);
    }
    int used = 0;
    Integer capProvider = null;
    Integer overlapProvider = null;
    for (int ref : plainProviders) {
      Person p = book.member(ref);
      if (used == 0) {
        p.perfectRatings = true;
        patterns.plant(
            "PERFECT_RATINGS",
            bank.code(),
            List.of(BankBook.ref(ref)),
            "every service of this provider is rated 5",
            List.of());
      } else if (used == 1) {
        p.longLag = true;
        patterns.plant(
            "LONG_RECORDING_LAG",
            bank.code(),
            List.of(BankBook.ref(ref)),
            "services recorded 15-28 days after they ended (under the 30 days of W205)",
            List.of());
      } else if (capProvider == null && free(p, 12, 19, 26)) {
        capProvider = ref;
      } else if (overlapProvider == null && free(p, 9)) {
        overlapProvider = ref;
        break;
      }
      used++;
    }
    if (capProvider != null) {
      Person p = book.member(capProvider);
      Patterns.Planted planted =
          patterns.plant(
              "DAILY_CAP_REPEAT",
              bank.code(),
              List.of(BankBook.ref(capProvider)),
              "three 180-minute services on each of three days: the third goes over 480 weighted minutes",
              List.of("W201"));
      for (int day : new int[] {12, 19, 26}) {
        world.planner.lock(p.providerSlot, day);
        lockedPattern(planted, capProvider, day, Catalogue.LIVING_ASSIST, 8 * 60, 180, null);
        lockedPattern(planted, capProvider, day, Catalogue.LIVING_ASSIST, 12 * 60, 180, null);
        lockedPattern(
            planted,
            capProvider,
            day,
            Catalogue.LIVING_ASSIST,
            15 * 60 + 30,
            180,
            Fault.pattern(
                "W201",
                "start",
                "DAILY_CAP_REPEAT",
                "third 180-minute service of the day: over the daily cap"));
      }
    }
    if (overlapProvider != null) {
      Person p = book.member(overlapProvider);
      world.planner.lock(p.providerSlot, 9);
      Patterns.Planted planted =
          patterns.plant(
              "OVERLAP",
              bank.code(),
              List.of(BankBook.ref(overlapProvider)),
              "one provider, two services at the same time",
              List.of("W204"));
      lockedPattern(planted, overlapProvider, 9, Catalogue.LIVING_ASSIST, 9 * 60, 120, null);
      lockedPattern(
          planted,
          overlapProvider,
          9,
          Catalogue.EMOTIONAL_SUPPORT,
          10 * 60,
          90,
          Fault.pattern(
              "W204", "start", "OVERLAP", "starts 10:00 while the 09:00-11:00 service runs"));
    }
    if (b == 0 && world.books.size() > 1) {
      plantCrossBankOverlap();
    }
  }

  private boolean free(Person p, int... daysOfMonth) {
    for (int d : daysOfMonth) {
      if (d > days || !world.planner.isFree(p.providerSlot, d)) {
        return false;
      }
    }
    return true;
  }

  /** One person serves in bank 0 and bank 1 at overlapping times: W204 on the later service. */
  private void plantCrossBankOverlap() {
    int day = 14;
    for (int ref : providerRefs) {
      Person p = book.member(ref);
      if (p.bank2 != 1 || !free(p, day)) {
        continue;
      }
      BankBook other = world.books.get(1);
      int otherRef = p.ref2;
      world.planner.lock(p.providerSlot, day);
      Patterns.Planted planted =
          patterns.plant(
              "CROSS_BANK_OVERLAP",
              bank.code() + "," + other.profile.code(),
              List.of(
                  bank.code() + "/" + BankBook.ref(ref),
                  other.profile.code() + "/" + BankBook.ref(otherRef)),
              "the same person (same resident ID) serves in two banks at overlapping times",
              List.of("W204"));
      lockedPattern(planted, ref, day, Catalogue.LIVING_ASSIST, 14 * 60, 120, null);
      ServiceRow second =
          build(
              other.profile,
              p,
              otherRef,
              pickRecipient(other, otherRef),
              Catalogue.LIVING_ASSIST,
              world.period.atDay(day).atTime(15, 0),
              90,
              true);
      second.pattern = planted;
      second.fault =
          Fault.pattern(
              "W204",
              "start",
              "CROSS_BANK_OVERLAP",
              "starts 15:00 while the same person serves 14:00-16:00 in " + bank.code());
      world.deferred.get(1).add(second);
      return;
    }
  }

  private int pickRecipient(BankBook target, int notRef) {
    for (int tries = 0; tries < 1000; tries++) {
      int ref = 1 + random.nextInt(target.members.size());
      Person p = target.member(ref);
      if (ref != notRef && p.isOrdinary() && p.isActive() && p.isRecipient()) {
        return ref;
      }
    }
    throw new IllegalStateException("no recipient in " + target.profile.code());
  }

  private void pattern(
      Patterns.Planted planted,
      int providerRef,
      int recipientRef,
      int day,
      Catalogue cat,
      int preferred,
      int actual,
      Fault fault) {
    Person provider = book.member(providerRef);
    ServiceRow probe =
        build(
            bank,
            provider,
            providerRef,
            recipientRef,
            cat,
            world.period.atDay(day).atStartOfDay(),
            actual,
            true);
    int start =
        world.planner.placeDay(
            provider.providerSlot,
            day,
            preferred,
            occupied(probe, actual),
            weightedUpper(probe),
            30);
    if (start < 0) {
      return;
    }
    ServiceRow row = probe;
    retime(row, world.period.atDay(day).atTime(start / 60, start % 60), actual);
    row.pattern = planted;
    row.fault = fault;
    specials.get(day - 1).add(row);
  }

  private void lockedPattern(
      Patterns.Planted planted,
      int providerRef,
      int day,
      Catalogue cat,
      int startMinute,
      int actual,
      Fault fault) {
    Person provider = book.member(providerRef);
    ServiceRow row =
        build(
            bank,
            provider,
            providerRef,
            pickRecipient(book, providerRef),
            cat,
            world.period.atDay(day).atTime(startMinute / 60, startMinute % 60),
            actual,
            true);
    row.pattern = planted;
    row.fault = fault;
    specials.get(day - 1).add(row);
  }

  private void planTransactions() {
    LocalDateTime opening = world.periodStart.atStartOfDay();
    for (int ref = 1; ref <= book.members.size(); ref++) {
      int minutes = book.opening[ref - 1];
      if (minutes > 0) {
        TxnRow t = new TxnRow(opening, "OPENING_BALANCE", BankBook.ref(ref), minutes);
        t.note = "平台上线前结余";
        t.fault = faultOpenings.get(ref);
        txns.add(t);
      }
    }
    for (World.Transfer t : world.transfers) {
      if (t.outBank() == b) {
        TxnRow row = new TxnRow(t.outAt(), "TRANSFER_OUT", BankBook.ref(t.outRef()), t.minutes());
        row.counterpartyBank = world.profiles.get(t.inBank()).code();
        row.note = "通存通兑转出至" + world.profiles.get(t.inBank()).name();
        txns.add(row);
      }
      if (t.inBank() == b) {
        TxnRow row = new TxnRow(t.inAt(), "TRANSFER_IN", BankBook.ref(t.inRef()), t.minutes());
        row.counterpartyBank = world.profiles.get(t.outBank()).code();
        row.note = "通存通兑自" + world.profiles.get(t.outBank()).name() + "转入";
        txns.add(row);
      }
    }
    planDonations();
    planGifts();
    planFaultTransactions();
    txns.sort(Comparator.comparing(t -> t.at));
    int seq = 0;
    for (TxnRow t : txns) {
      t.ref = "T" + yymm + "-" + String.format("%06d", ++seq);
    }
  }

  private boolean ordinaryActive(int ref) {
    Person p = book.member(ref);
    return p.isOrdinary() && p.isActive();
  }

  private void planDonations() {
    int count = Math.max(2, book.members.size() / 100);
    List<TxnRow> donations = new ArrayList<>();
    for (int tries = 0; tries < count * 20 && donations.size() < count; tries++) {
      int ref = 1 + random.nextInt(book.members.size());
      int minutes = 60 * (1 + random.nextInt(10));
      if (!ordinaryActive(ref) || !book.spend(ref, minutes)) {
        continue;
      }
      LocalDateTime at =
          world
              .period
              .atDay(1 + random.nextInt(2))
              .atTime(9 + random.nextInt(8), 5 * random.nextInt(12));
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

  private static final String[] RELATIONS = {"子女", "配偶", "父母", "兄弟姐妹", "孙辈"};

  private void planGifts() {
    int count = Math.max(1, book.members.size() / 70);
    int made = 0;
    for (int tries = 0; tries < count * 20 && made < count; tries++) {
      int giver = 1 + random.nextInt(book.members.size());
      if (!ordinaryActive(giver) || book.spendable[giver - 1] < 120) {
        continue;
      }
      int receiver = relativeOf(giver);
      if (receiver < 0) {
        continue;
      }
      int minutes = 60 * (1 + random.nextInt(Math.min(10, book.spendable[giver - 1] / 60)));
      if (!book.spend(giver, minutes)) {
        continue;
      }
      book.giftedOrTransferredIn[receiver - 1] = true;
      LocalDateTime at =
          world
              .period
              .atDay(3 + random.nextInt(days - 3))
              .atTime(8 + random.nextInt(12), 5 * random.nextInt(12));
      TxnRow t = new TxnRow(at, "GIFT", BankBook.ref(giver), minutes);
      t.counterpartyRef = BankBook.ref(receiver);
      t.note = "赠与亲属（" + RELATIONS[random.nextInt(RELATIONS.length)] + "）";
      txns.add(t);
      made++;
    }
  }

  /** A relative: preferably a participant with the same surname; never near the storage cap. */
  private int relativeOf(int giver) {
    int fallback = -1;
    short surname = book.member(giver).surname;
    for (int tries = 0; tries < 40; tries++) {
      int ref = 1 + random.nextInt(book.members.size());
      Person p = book.member(ref);
      if (ref == giver || !ordinaryActive(ref) || p.nearCap) {
        continue;
      }
      if (p.surname == surname) {
        return ref;
      }
      fallback = ref;
    }
    return fallback;
  }

  private void planFaultTransactions() {
    for (String code : faultTxnCodes) {
      switch (code) {
        case "R114" -> {
          int ref = anyOrdinary(false);
          TxnRow t =
              new TxnRow(world.period.atDay(12).atTime(10, 30), "REVERSAL", BankBook.ref(ref), 60);
          t.reversesRef = "T" + yymm + "-999999";
          t.note = "撤销";
          t.fault =
              Fault.injected("R114", "reverses_ref", "reverses a txn_ref that does not exist");
          txns.add(t);
        }
        case "R115" -> {
          Person giver = carriers.get("R115");
          TxnRow t =
              new TxnRow(
                  world.period.atDay(10).atTime(10, 0), "GIFT", BankBook.ref(giver.ref1), 600);
          t.counterpartyRef = BankBook.ref(anyOrdinary(false));
          t.note = "赠与亲属（子女）";
          t.fault = Fault.injected("R115", "standard_minutes", "gift of 600 with a balance of 120");
          txns.add(t);
        }
        case "W207" -> {
          int ref = anyOrdinary(true);
          TxnRow t =
              new TxnRow(
                  world.period.atDay(15).atTime(11, 0), "TRANSFER_IN", BankBook.ref(ref), 240);
          t.counterpartyBank =
              world.profiles.size() > 1
                  ? world.profiles.get((b + 1) % world.profiles.size()).code()
                  : Banks.suspended().code();
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

  /** An ordinary active participant not near the cap (and, if asked, not in a second bank). */
  private int anyOrdinary(boolean singleBank) {
    for (int tries = 0; tries < 10_000; tries++) {
      int ref = 1 + random.nextInt(book.members.size());
      Person p = book.member(ref);
      if (ordinaryActive(ref) && !p.nearCap && !(singleBank && p.isCrossBank())) {
        return ref;
      }
    }
    throw new IllegalStateException("no ordinary participant in " + bank.code());
  }

  // ---------------------------------------------------------------- writing

  private void writeParticipants(RecordWriter out) {
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
      Fault fault = faultParticipants.get(ref);
      if (fault != null) {
        truth.record(packageName, writer.currentFile(), line, BankBook.ref(ref), fault);
      }
    }
  }

  private void writeTransactions(RecordWriter out) {
    for (TxnRow t : txns) {
      int line = out.write(t.values(bank.offsetTimestamps()));
      if (t.fault != null) {
        truth.record(packageName, writer.currentFile(), line, t.ref, t.fault);
      }
    }
  }

  private void writeServices() {
    int total = World.split(options.services(), world.profiles)[b];
    int[] perDay = perDay(total);
    for (int day = 1; day <= days; day++) {
      for (int i = 0; i < perDay[day - 1]; i++) {
        ServiceRow row = ordinary(day);
        maybeMutate(row);
        write(row);
      }
      for (ServiceRow row : specials.get(day - 1)) {
        write(row);
      }
    }
    for (ServiceRow row : specials.get(days)) {
      write(row);
    }
    // required faults that found no suitable service during the month
    for (int tries = 0; !pendingMutations.isEmpty() && tries < 200; tries++) {
      String code = pendingMutations.peek();
      ServiceRow row = ordinary(code.equals("W205") ? 1 + tries % 2 : 1 + random.nextInt(days));
      if (row.isPlainIssuedCompleted() && mutate(row, code, true)) {
        pendingMutations.poll();
      }
      write(row);
    }
    if (!pendingMutations.isEmpty()) {
      throw new IllegalStateException(
          "could not inject " + pendingMutations + " in " + bank.code());
    }
  }

  private int[] perDay(int total) {
    double[] weights = new double[days];
    double sum = 0;
    int holidays = Holidays.breakDays(period);
    for (int d = 1; d <= days; d++) {
      DayOfWeek dow = period.atDay(d).getDayOfWeek();
      double w = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.6 : 1.0;
      if (d <= holidays) {
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
    int line = services.write(row.values(ref, bank.offsetTimestamps()));
    serviceIndex++;
    perCategory.merge(row.category, 1, Integer::sum);
    if (Holidays.isNationalDayBreak(row.start.toLocalDate())) {
      holidayServices++;
    }
    if (row.fault != null) {
      truth.record(packageName, servicesFile, line, ref, row.fault);
    }
    if (row.pattern != null) {
      row.pattern.service(bank.code(), ref);
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
    return "S" + yymm + "-" + "0000000".substring(Math.min(7, digits.length())) + digits;
  }

  private void maybeMutate(ServiceRow row) {
    if (!row.isPlainIssuedCompleted()) {
      return;
    }
    if (!pendingMutations.isEmpty() && serviceIndex >= nextRequiredAt) {
      for (String code : pendingMutations) {
        if (mutate(row, code, true)) {
          pendingMutations.remove(code);
          nextRequiredAt = serviceIndex + 1 + random.nextInt(4);
          return;
        }
      }
    }
    if (options.errorRate() > 0 && random.nextDouble() < options.errorRate()) {
      for (int tries = 0; tries < 3; tries++) {
        if (mutate(row, RANDOM_MUTATIONS.get(random.nextInt(RANDOM_MUTATIONS.size())), false)) {
          return;
        }
      }
    }
  }

  /** Injects one fault into a plain service; false when the fault does not fit this service. */
  private boolean mutate(ServiceRow row, String code, boolean required) {
    String field;
    String note;
    LocalDate day = row.start.toLocalDate();
    switch (code) {
      case "R101" -> {
        if (bank.basis() == AmountBasis.DURATION) {
          row.end = null;
          field = "end";
        } else {
          row.localAmount = null;
          field = "local_amount";
        }
        note = "required " + field + " left empty";
      }
      case "R102" -> {
        row.verification = "VIDEO";
        field = "verification";
        note = "verification VIDEO is not in the enumeration";
      }
      case "R103" -> {
        if (!bank.hasDuration()) {
          return false;
        }
        row.end = row.start.minusMinutes(30);
        field = "end";
        note = "end 30 minutes before start";
      }
      case "R104" -> {
        if (!bank.hasDuration()) {
          return false;
        }
        row.end = row.start.plusMinutes(540);
        field = "end";
        note = "540 minutes, above the 480 maximum";
      }
      case "R105" -> {
        boolean retired =
            bank.retiredCode().isPresent() && !day.isBefore(bank.mappingV2From().orElseThrow());
        row.localCategory = retired ? bank.retiredCode().get() : Banks.UNMAPPED_CODE;
        field = "local_category";
        note = retired ? "code retired by the mapping change" : "code not in the bank's mapping";
      }
      case "R106" -> {
        row.recipientRef = "P" + (9_000_000 + random.nextInt(999_999));
        field = "recipient_ref";
        note = "recipient not registered";
      }
      case "R107" -> {
        row.recipientRef = row.providerRef;
        field = "recipient_ref";
        note = "provider serves themself";
      }
      case "R110" -> {
        int back = row.start.getDayOfMonth() + random.nextInt(3);
        row.start = row.start.minusDays(back);
        if (row.end != null) {
          row.end = row.end.minusDays(back);
        }
        row.recordedAt = (row.end != null ? row.end : row.start).plusHours(2);
        row.localCategory = bank.localCode(row.category, row.start.toLocalDate());
        field = "start";
        note = "service in the previous month";
      }
      case "R111" -> {
        Person minor = carriers.get("R111");
        row.provider = minor;
        row.providerRef = BankBook.ref(minor.ref1);
        field = "provider_ref";
        note = "provider aged 16";
      }
      case "R112" -> {
        Person suspended = carriers.get("R112");
        row.provider = suspended;
        row.providerRef = BankBook.ref(suspended.ref1);
        field = "provider_ref";
        note = "provider SUSPENDED before the period";
      }
      case "R113" -> {
        if (lastCleanRef == null) {
          return false;
        }
        row.refOverride = lastCleanRef;
        field = "service_ref";
        note = "service_ref of an earlier service of this package";
      }
      case "R116" -> {
        Catalogue target;
        if (!row.provider.has(Person.NURSING_LICENSE)) {
          target = Catalogue.SKILLED_NURSING;
        } else if (!row.provider.has(Person.CARE_BASIC)) {
          target = Catalogue.PERSONAL_CARE;
        } else {
          return false;
        }
        row.category = target;
        row.localCategory = bank.localCode(target, day);
        field = "local_category";
        note = "provider lacks " + target.certificate().orElseThrow();
      }
      case "R117" -> {
        Person young = carriers.get("R117");
        row.recipient = young;
        row.recipientRef = BankBook.ref(young.ref1);
        row.funding = "BALANCE";
        field = "recipient_ref";
        note = "BALANCE redemption by a recipient aged 50 (balance covers it)";
      }
      case "W202" -> {
        if (!bank.hasDuration()) {
          return false;
        }
        if (bank.basis() == AmountBasis.COINS) {
          row.end = row.start.plusMinutes(20);
          row.localAmount = 2;
          field = "local_amount";
        } else {
          row.end = row.start.plusMinutes(25);
          field = "end";
        }
        note = "15 billable minutes, below 30";
      }
      case "W205" -> {
        if (row.start.getDayOfMonth() > 2) {
          return false;
        }
        row.recordedAt = row.start.plusDays(31).plusHours(2);
        field = "recorded_at";
        note = "recorded 31 days after the service";
      }
      case "W206" -> {
        Person young = carriers.get("W206");
        row.recipient = young;
        row.recipientRef = BankBook.ref(young.ref1);
        field = "recipient_ref";
        note = "ISSUED service to a recipient aged 45 without disability";
      }
      default -> {
        return false;
      }
    }
    row.fault = Fault.injected(code, field, note + (required ? "" : " (error rate)"));
    return true;
  }

  // ---------------------------------------------------------------- services

  /** An ordinary service on {@code day}: no code at all. */
  private ServiceRow ordinary(int day) {
    for (int tries = 0; tries < 200; tries++) {
      int providerRef = providerRefs[random.nextInt(providerRefs.length)];
      Person provider = book.member(providerRef);
      Catalogue cat = category(provider);
      boolean night = random.nextDouble() < 0.03 && isNightCategory(cat);
      int actual =
          cat.minActual() + 5 * random.nextInt((cat.maxActual() - cat.minActual()) / 5 + 1);
      int recipientRef = recipientRefs[random.nextInt(recipientRefs.length)];
      if (recipientRef == providerRef) {
        continue;
      }
      LocalDate date = period.atDay(day);
      ServiceRow row =
          build(bank, provider, providerRef, recipientRef, cat, date.atStartOfDay(), actual, false);
      int wUpper = weightedUpper(row);
      int length = occupied(row, actual);
      LocalDateTime start;
      if (night) {
        if (!world.planner.placeNight(provider.providerSlot, day, wUpper)) {
          continue;
        }
        start = date.atStartOfDay().plusMinutes(22 * 60 + 5 * random.nextInt(13));
      } else {
        int preferred =
            cat == Catalogue.MEDICAL_ESCORT
                ? 7 * 60 + 30 + 5 * random.nextInt(43)
                : DayPlanner.DAY_START + 5 * random.nextInt(145);
        int minute =
            world.planner.placeDay(
                provider.providerSlot, day, preferred, length, wUpper, 15 + 5 * random.nextInt(7));
        if (minute < 0) {
          continue;
        }
        start = date.atTime(minute / 60, minute % 60);
      }
      retime(row, start, actual);
      fund(row, day, wUpper);
      return row;
    }
    throw new IllegalStateException(
        "bank " + bank.code() + ": no provider has room on day " + day + ": raise --participants");
  }

  private static boolean isNightCategory(Catalogue cat) {
    for (Catalogue c : NIGHT_CATEGORIES) {
      if (c == cat) {
        return true;
      }
    }
    return false;
  }

  private Catalogue category(Person provider) {
    for (int tries = 0; ; tries++) {
      int total = 0;
      for (int w : CATEGORY_WEIGHTS) {
        total += w;
      }
      int pick = random.nextInt(total);
      Catalogue cat = Catalogue.values()[0];
      for (Catalogue c : Catalogue.values()) {
        pick -= CATEGORY_WEIGHTS[c.ordinal()];
        if (pick < 0) {
          cat = c;
          break;
        }
      }
      boolean qualified =
          cat.certificate().isEmpty()
              || (cat == Catalogue.PERSONAL_CARE && provider.has(Person.CARE_BASIC))
              || (cat == Catalogue.SKILLED_NURSING && provider.has(Person.NURSING_LICENSE));
      if (qualified) {
        return cat;
      }
      if (tries > 20) {
        return Catalogue.LIVING_ASSIST;
      }
    }
  }

  /**
   * Funding, status, rating: BALANCE only for recipients of 60+ whose opening balance covers it.
   */
  private void fund(ServiceRow row, int day, int wUpper) {
    double f = random.nextDouble();
    boolean old = row.recipient.ageOn(world.periodStart) >= 60;
    if (f < 0.08 && old && book.spend(row.recipient.refIn(b), wUpper)) {
      row.funding = "BALANCE";
    } else if (f < 0.15 && day >= 3 && poolBudget >= wUpper) {
      poolBudget -= wUpper;
      row.funding = "POOL";
    } else {
      row.funding = "ISSUED";
      double s = random.nextDouble();
      row.status =
          s < 0.92
              ? "COMPLETED"
              : s < 0.95
                  ? "CANCELLED"
                  : s < 0.965 ? "NO_SHOW_PROVIDER" : s < 0.98 ? "NO_SHOW_RECIPIENT" : "DISPUTED";
    }
    if (!row.status.equals("COMPLETED")) {
      row.rating = row.status.equals("DISPUTED") ? Integer.valueOf(1 + random.nextInt(2)) : null;
    }
  }

  /**
   * A service record of {@code actual} minutes from {@code start}, with the amount the bank's basis
   * asks for, a plausible verification, rating and recording time.
   */
  private ServiceRow build(
      BankProfile target,
      Person provider,
      int providerRef,
      int recipientRef,
      Catalogue cat,
      LocalDateTime start,
      int actual,
      boolean pattern) {
    BankBook targetBook = world.books.get(target.index());
    ServiceRow row = new ServiceRow();
    row.provider = provider;
    row.recipient = targetBook.member(recipientRef);
    row.providerRef = BankBook.ref(providerRef);
    row.recipientRef = BankBook.ref(recipientRef);
    row.category = cat;
    row.localCategory = target.localCode(cat, start.toLocalDate());
    row.start = start;
    row.end = start.plusMinutes(actual);
    switch (target.basis()) {
      case COINS -> row.localAmount = actual / 10;
      case PER_SERVICE -> {
        row.localAmount = Math.max(1, (actual + cat.normMinutes() / 2) / cat.normMinutes());
        if (!pattern && random.nextDouble() < 0.3) {
          row.end = null;
        }
      }
      default -> row.localAmount = null;
    }
    double v = random.nextDouble();
    row.verification =
        v < 0.5 ? "SIGN_IN_OUT" : v < 0.8 ? "TWO_PARTY" : v < 0.9 ? "SUPERVISOR" : "PAPER";
    double r = random.nextDouble();
    if (provider.perfectRatings) {
      row.rating = 5;
    } else {
      row.rating =
          r < 0.1
              ? null
              : r < 0.68
                  ? Integer.valueOf(5)
                  : r < 0.95
                      ? Integer.valueOf(4)
                      : r < 0.985 ? Integer.valueOf(3) : Integer.valueOf(2);
    }
    row.location = target.regionCode();
    retime(row, start, actual);
    return row;
  }

  /** Moves a service to {@code start} and draws its recording time after it ends. */
  private void retime(ServiceRow row, LocalDateTime start, int actual) {
    boolean hasEnd = row.end != null;
    row.start = start;
    LocalDateTime ended = start.plusMinutes(actual);
    row.end = hasEnd ? ended : null;
    long lag;
    if (row.provider.longLag) {
      lag = (15 + random.nextInt(14)) * 1440L + random.nextInt(600);
    } else if (row.verification.equals("PAPER")) {
      lag = 1440L + random.nextInt(4 * 1440);
    } else {
      lag = 5 + (long) (random.nextDouble() * random.nextDouble() * 3 * 1440);
    }
    LocalDateTime recorded = ended.plusMinutes(lag);
    LocalDateTime latest = generatedAt.minusHours(1);
    if (recorded.isAfter(latest)) {
      recorded = latest.isAfter(ended) ? latest : ended.plusMinutes(5);
    }
    row.recordedAt = recorded.withSecond(random.nextInt(60));
  }

  private int billable(ServiceRow row, int actual) {
    return switch (bank.basis()) {
      case COINS -> Catalogue.billable(row.localAmount * 60 / bank.coinsPerHour());
      case PER_SERVICE -> row.localAmount * row.category.normMinutes();
      default -> Catalogue.billable(actual);
    };
  }

  private int weightedUpper(ServiceRow row) {
    return row.category.weightedUpperBound(billableOf(row));
  }

  private int billableOf(ServiceRow row) {
    int actual =
        row.end == null ? 0 : (int) java.time.Duration.between(row.start, row.end).toMinutes();
    return billable(row, actual);
  }

  /** Minutes the service keeps the provider busy, whichever way a processor reads it. */
  private int occupied(ServiceRow row, int actual) {
    return Math.max(actual, billableOf(row));
  }

  // ---------------------------------------------------------------- next period

  /** Period + 1, sequence 1: a reused ref with new content (R118) and an opening balance (R119). */
  private void writeNextPeriod() {
    YearMonth next = period.plusMonths(1);
    String nextYymm = Timestamps.shortPeriod(next);
    try (PackageWriter pw =
        new PackageWriter(options.out(), bank, next, 1, key, options.folders())) {
      String name = pw.deliveredName();
      pw.begin("PARTICIPANTS", Columns.PARTICIPANTS, 0);
      pw.end();
      RecordWriter out = pw.begin("SERVICES", Columns.SERVICES, 0);
      int used = 0;
      List<Integer> chosen = new ArrayList<>();
      for (int i = 0; chosen.size() < 5 && i < providerRefs.length * 4; i++) {
        int ref = providerRefs[random.nextInt(providerRefs.length)];
        if (!chosen.contains(ref)) {
          chosen.add(ref);
        }
      }
      for (int k = 0; k < chosen.size(); k++) {
        int providerRef = chosen.get(k);
        int recipientRef = recipientRefs[random.nextInt(recipientRefs.length)];
        if (recipientRef == providerRef || book.member(recipientRef).ageOn(next.atDay(1)) < 60) {
          recipientRef = pickOld(providerRef, next);
        }
        ServiceRow row =
            build(
                bank,
                book.member(providerRef),
                providerRef,
                recipientRef,
                Catalogue.LIVING_ASSIST,
                next.atDay(3 + k).atTime(9, 0),
                90,
                true);
        row.recordedAt = row.end.plusHours(3);
        boolean reuse = k == chosen.size() - 1 && firstCleanRef != null;
        String ref = reuse ? firstCleanRef : "S" + nextYymm + "-" + String.format("%07d", ++used);
        int line = out.write(row.values(ref, bank.offsetTimestamps()));
        if (reuse) {
          truth.record(
              name,
              pw.currentFile(),
              line,
              ref,
              Fault.injected(
                  "R118",
                  "service_ref",
                  "service_ref of " + period + " reused for another service"));
        }
      }
      pw.end();
      RecordWriter tx = pw.begin("TRANSACTIONS", Columns.TRANSACTIONS, 0);
      int ref = anyOrdinary(true);
      TxnRow t =
          new TxnRow(next.atDay(1).atStartOfDay(), "OPENING_BALANCE", BankBook.ref(ref), 600);
      t.ref = "T" + nextYymm + "-000001";
      t.note = "补录上线前结余";
      int line = tx.write(t.values(bank.offsetTimestamps()));
      truth.record(
          name,
          pw.currentFile(),
          line,
          t.ref,
          Fault.injected(
              "R119", "type", "OPENING_BALANCE after the bank's first accepted package"));
      pw.end();
      pw.finish();
      packages.add(name);
    }
  }

  private int pickOld(int notRef, YearMonth next) {
    for (int ref : recipientRefs) {
      if (ref != notRef && book.member(ref).ageOn(next.atDay(1)) >= 60) {
        return ref;
      }
    }
    throw new IllegalStateException("no recipient aged 60+ in " + bank.code());
  }
}
