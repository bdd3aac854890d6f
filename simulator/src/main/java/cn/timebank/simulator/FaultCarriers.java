package cn.timebank.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The persons that exist only to carry an injected fault (a minor provider, a SUSPENDED one, a
 * recipient too young for BALANCE, ...), registered before anything else is planned, and the
 * participant and opening-balance records that carry a fault themselves (R108, R109, W203).
 */
final class FaultCarriers {

  private final BankRun run;
  private final Map<String, Person> byCode = new HashMap<>();
  private final Map<Integer, Fault> participants = new HashMap<>();
  private final Map<Integer, Fault> openings = new HashMap<>();

  private FaultCarriers(BankRun run) {
    this.run = run;
  }

  /** Creates the carriers of {@code codes}, in their order. */
  static FaultCarriers plan(BankRun run, List<String> codes) {
    FaultCarriers carriers = new FaultCarriers(run);
    codes.forEach(carriers::plan);
    return carriers;
  }

  /** The person carrying {@code code} (R111, R112, R115, R117, W203, W206). */
  Person carrier(String code) {
    return byCode.get(code);
  }

  /** The fault of the participant record {@code ref}, or null. */
  Fault participantFault(int ref) {
    return participants.get(ref);
  }

  /** The fault of the opening balance of participant {@code ref}, or null. */
  Fault openingFault(int ref) {
    return openings.get(ref);
  }

  private void plan(String code) {
    World world = run.world;
    switch (code) {
      case "R108" -> {
        Person p =
            world.newFaultPerson(
                run.random, run.index, Person.RECIPIENT, 70 + run.random.nextInt(15));
        char wrong = p.idCheck == '1' ? '2' : '1';
        p.idOverride = Long.toString(p.idPrefix) + wrong;
        int ref = world.registerFault(p, run.index, run.random);
        participants.put(
            ref, Fault.injected("R108", "id_number", "check character replaced by " + wrong));
      }
      case "R109" -> {
        Person p =
            world.newFaultPerson(
                run.random, run.index, Person.RECIPIENT, 70 + run.random.nextInt(15));
        p.birthFieldDay = p.birthDay + 40;
        int ref = world.registerFault(p, run.index, run.random);
        participants.put(
            ref, Fault.injected("R109", "birth_date", "birth_date 40 days after the ID's"));
      }
      case "R111" -> byCode.put(code, person(Person.PROVIDER, 16, Person.ACTIVE, 0, 0));
      case "R112" -> byCode.put(code, person(Person.PROVIDER, 55, Person.SUSPENDED, 0, 0));
      case "R117" -> byCode.put(code, person(Person.RECIPIENT, 50, Person.ACTIVE, 2, 3000));
      case "W206" -> byCode.put(code, person(Person.RECIPIENT, 45, Person.ACTIVE, 0, 0));
      case "R115" -> byCode.put(code, person(Person.RECIPIENT, 68, Person.ACTIVE, 1, 120));
      case "W203" -> {
        Person p = person(Person.RECIPIENT, 80, Person.ACTIVE, 3, 92_000);
        byCode.put(code, p);
        openings.put(
            p.ref1,
            Fault.injected(
                "W203", "standard_minutes", "opening balance of 92000 above the 90000 cap"));
      }
      default -> {
        // service mutations and R114/W207/R118/R119 need no carrier person
      }
    }
  }

  private Person person(byte roles, int age, byte status, int disability, int opening) {
    Person p = run.world.newFaultPerson(run.random, run.index, roles, age);
    p.status = status;
    p.disability = (byte) disability;
    int ref = run.world.registerFault(p, run.index, run.random);
    if (status != Person.ACTIVE) {
      p.statusDay = (int) run.world.periodStart.minusDays(20).toEpochDay();
    }
    if (opening > 0) {
      run.book.setOpening(ref, opening);
    }
    return p;
  }
}
