package cn.timebank.simulator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated population: persons, their registrations in the banks, opening balances and the
 * cross-bank transfers, built once from the world random before any bank is written.
 */
final class World {

  /** A transfer of one person's hours between two banks (通存通兑), out before in. */
  record Transfer(
      Person person,
      int outBank,
      int outRef,
      int inBank,
      int inRef,
      int minutes,
      java.time.LocalDateTime outAt,
      java.time.LocalDateTime inAt) {}

  final YearMonth period;
  final LocalDate periodStart;
  final List<BankProfile> profiles;

  /** The unified catalogue of the standard in force in the period. */
  final Catalogue catalogue;

  final List<BankBook> books = new ArrayList<>();
  final List<Person> persons = new ArrayList<>();
  final List<Transfer> transfers = new ArrayList<>();

  /** Services planned by one bank's generator for another bank (the cross-bank overlap). */
  final List<List<ServiceRow>> deferred = new ArrayList<>();

  private final Set<Long> usedIds = new HashSet<>();
  private int providerSlots;
  DayPlanner planner;

  private World(YearMonth period, List<BankProfile> profiles, Catalogue catalogue) {
    this.period = period;
    this.catalogue = catalogue;
    this.periodStart = period.atDay(1);
    this.profiles = profiles;
    profiles.forEach(p -> books.add(new BankBook(p)));
    profiles.forEach(p -> deferred.add(new ArrayList<>()));
  }

  static World build(SimulationOptions options, List<BankProfile> profiles, Catalogue catalogue) {
    World world = new World(options.period(), profiles, catalogue);
    SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + 17);
    int[] counts = split(options.participants(), profiles);
    for (int b = 0; b < profiles.size(); b++) {
      for (int i = 0; i < counts[b]; i++) {
        world.register(world.newOrdinary(random, b), b, random);
      }
    }
    world.registerSecondBanks(random);
    world.planOpenings(random);
    world.planTransfers(random);
    world.planner = new DayPlanner(world.providerSlots + 64, world.period.lengthOfMonth());
    return world;
  }

  /** Splits a total over the banks by their size weights; the first bank takes the remainder. */
  static int[] split(int total, List<BankProfile> profiles) {
    double sum = profiles.stream().mapToDouble(BankProfile::sizeWeight).sum();
    int[] counts = new int[profiles.size()];
    int given = 0;
    for (int b = 0; b < counts.length; b++) {
      counts[b] = (int) Math.floor(total * profiles.get(b).sizeWeight() / sum);
      given += counts[b];
    }
    counts[0] += total - given;
    return counts;
  }

  int register(Person person, int bank, SplittableRandom random) {
    BankBook book = books.get(bank);
    int ref = book.add(person);
    LocalDate since = book.profile.registeredSince();
    LocalDate latest = periodStart.minusDays(45);
    long span = Math.max(1, latest.toEpochDay() - since.toEpochDay());
    int registered = (int) (since.toEpochDay() + random.nextLong(span));
    if (person.bank1 < 0) {
      person.bank1 = bank;
      person.ref1 = ref;
      person.registered1 = registered;
      if (person.status != Person.ACTIVE) {
        long after = Math.max(1, latest.toEpochDay() - registered);
        person.statusDay = (int) (registered + 1 + random.nextLong(after));
      } else {
        person.statusDay = registered;
      }
    } else {
      person.bank2 = bank;
      person.ref2 = ref;
      person.registered2 = registered;
    }
    if (person.isProvider() && person.isActive() && person.providerSlot < 0) {
      person.providerSlot = providerSlots++;
    }
    return ref;
  }

  /** A new ordinary person living in the district of {@code bank}. */
  Person newOrdinary(SplittableRandom random, int bank) {
    Person p = new Person(persons.size());
    persons.add(p);
    double r = random.nextDouble();
    p.roles = r < 0.45 ? Person.PROVIDER : r < 0.90 ? Person.RECIPIENT : Person.BOTH;
    p.male = random.nextDouble() < (p.roles == Person.PROVIDER ? 0.38 : 0.42);
    int age;
    if (p.roles == Person.PROVIDER) {
      double a = random.nextDouble();
      age =
          a < 0.72
              ? 50 + random.nextInt(20)
              : a < 0.92 ? 19 + random.nextInt(31) : 70 + random.nextInt(6);
    } else if (p.roles == Person.BOTH) {
      age = 60 + random.nextInt(16);
    } else {
      double a = random.nextDouble();
      age =
          a < 0.80
              ? 70 + random.nextInt(26)
              : a < 0.95 ? 60 + random.nextInt(10) : 40 + random.nextInt(19);
    }
    setAge(p, age, random);
    if (p.isRecipient()) {
      int chance = age >= 85 ? 70 : age >= 75 ? 45 : 25;
      if (age < 60 || random.nextInt(100) < chance) {
        p.disability = (byte) (1 + random.nextInt(age < 60 ? 4 : (age >= 85 ? 4 : 3)));
      }
      p.livesAlone = random.nextDouble() < 0.3;
      p.lowIncome = random.nextDouble() < 0.1;
    } else {
      p.lowIncome = random.nextDouble() < 0.03;
    }
    if (p.isProvider()) {
      double c = random.nextDouble();
      if (c < 0.05) {
        p.certs = Person.CARE_BASIC | Person.NURSING_LICENSE;
      } else if (c < 0.35) {
        p.certs = Person.CARE_BASIC;
      }
      if (random.nextDouble() < 0.15) {
        p.certs |= Person.FIRST_AID;
      }
    }
    double s = random.nextDouble();
    if (s < 0.015) {
      p.status = Person.SUSPENDED;
    } else if (s < 0.035) {
      p.status = Person.LEFT;
    } else if (s < 0.045 && age >= 80) {
      p.status = Person.DECEASED;
    }
    p.residence = Integer.parseInt(profiles.get(bank).regionCode());
    if (random.nextDouble() < 0.005) {
      p.passport = true;
      p.idOverride = "E" + (10_000_000 + random.nextInt(90_000_000));
    } else {
      assignId(p, Birthplaces.of(random, profiles.get(bank).regionCode()), random);
    }
    return p;
  }

  /** Sets birth date so that the person is exactly {@code age} on the first day of the period. */
  void setAge(Person p, int age, SplittableRandom random) {
    LocalDate birth = periodStart.minusYears(age).minusDays(random.nextInt(365));
    if (birth.plusYears(age).isAfter(periodStart)
        || birth.plusYears(age + 1).isBefore(periodStart.plusDays(1))) {
      birth = periodStart.minusYears(age).minusDays(1);
    }
    p.birthDay = (int) birth.toEpochDay();
    p.birthFieldDay = p.birthDay;
    p.olderName = birth.getYear() < 1975;
    p.surname = (short) Names.surname(random);
    p.given = (short) Names.given(random, p.male, p.olderName);
  }

  /** A valid, unique resident ID of the birthplace, birth date and sex. */
  void assignId(Person p, String birthplace, SplittableRandom random) {
    for (int tries = 0; ; tries++) {
      int seq = random.nextInt(500) * 2 + (p.male ? 1 : 0);
      p.assignResidentId(birthplace, seq);
      if (usedIds.add(p.idPrefix) || tries > 1000) {
        return;
      }
    }
  }

  /** About 3 % of persons are also registered in a second bank (same resident ID). */
  private void registerSecondBanks(SplittableRandom random) {
    if (books.size() < 2) {
      return;
    }
    // one provider of bank 0 always serves in bank 1 too (the cross-bank overlap pattern)
    for (Person p : books.get(0).members) {
      if (eligibleForSecondBank(p) && p.isProvider()) {
        register(p, 1, random);
        break;
      }
    }
    int n = persons.size();
    for (int i = 0; i < n; i++) {
      Person p = persons.get(i);
      if (eligibleForSecondBank(p) && random.nextDouble() < 0.03) {
        int other = random.nextInt(books.size() - 1);
        if (other >= p.bank1) {
          other++;
        }
        register(p, other, random);
      }
    }
  }

  private static boolean eligibleForSecondBank(Person p) {
    return p.isOrdinary() && p.isActive() && !p.passport && !p.isCrossBank();
  }

  private void planOpenings(SplittableRandom random) {
    for (BankBook book : books) {
      for (int ref = 1; ref <= book.members.size(); ref++) {
        Person p = book.member(ref);
        if (!p.isActive() || random.nextDouble() >= 0.6) {
          continue;
        }
        int minutes;
        if (p.roles == Person.RECIPIENT && !p.isCrossBank() && random.nextDouble() < 0.012) {
          p.nearCap = true;
          minutes = 84_000 + random.nextInt(180) * 30;
        } else if (p.isProvider()) {
          minutes = 30 * (1 + (int) (random.nextDouble() * random.nextDouble() * 400));
        } else {
          minutes = 30 * (1 + (int) (random.nextDouble() * random.nextDouble() * 1000));
        }
        book.setOpening(ref, minutes);
      }
    }
  }

  /** Half of the cross-bank persons move hours: out of the bank whose code sorts first. */
  private void planTransfers(SplittableRandom random) {
    int days = period.lengthOfMonth();
    for (Person p : persons) {
      if (!p.isCrossBank() || random.nextDouble() >= 0.5) {
        continue;
      }
      boolean firstIsOut = profiles.get(p.bank1).code().compareTo(profiles.get(p.bank2).code()) < 0;
      int outBank = firstIsOut ? p.bank1 : p.bank2;
      int inBank = firstIsOut ? p.bank2 : p.bank1;
      int outRef = p.refIn(outBank);
      int inRef = p.refIn(inBank);
      int minutes = 60 * (2 + random.nextInt(19));
      BankBook out = books.get(outBank);
      if (out.opening[outRef - 1] < minutes) {
        out.setOpening(outRef, minutes + 30 * random.nextInt(40));
      }
      out.spend(outRef, minutes);
      books.get(inBank).giftedOrTransferredIn[inRef - 1] = true;
      int day = 2 + random.nextInt(Math.max(1, days - 5));
      java.time.LocalDateTime outAt =
          period.atDay(day).atTime(9 + random.nextInt(8), 5 * random.nextInt(12));
      java.time.LocalDateTime inAt = outAt.plusDays(random.nextInt(3)).plusMinutes(20);
      if (inAt.getMonth() != outAt.getMonth()) {
        inAt = outAt.plusMinutes(20);
      }
      transfers.add(new Transfer(p, outBank, outRef, inBank, inRef, minutes, outAt, inAt));
    }
  }

  /** A fresh person who exists only to carry one injected fault in {@code bank}. */
  Person newFaultPerson(SplittableRandom random, int bank, byte roles, int age) {
    Person p = new Person(persons.size());
    persons.add(p);
    p.kind = Person.Kind.FAULT;
    p.roles = roles;
    p.male = random.nextBoolean();
    setAge(p, age, random);
    p.residence = Integer.parseInt(profiles.get(bank).regionCode());
    assignId(p, Birthplaces.of(random, profiles.get(bank).regionCode()), random);
    return p;
  }

  /** Registers a fault person; they get no provider slot (their services are rejected or alone). */
  int registerFault(Person p, int bank, SplittableRandom random) {
    BankBook book = books.get(bank);
    int ref = book.add(p);
    p.bank1 = bank;
    p.ref1 = ref;
    long since = book.profile.registeredSince().toEpochDay();
    p.registered1 =
        (int)
            (since + random.nextLong(Math.max(1, periodStart.minusDays(45).toEpochDay() - since)));
    p.statusDay = p.registered1;
    return ref;
  }
}
