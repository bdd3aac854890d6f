package cn.timebank.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code world.json}: what the simulator planted, for later tests and demos: the banks and their
 * habits, the fraud patterns with their refs, the persons registered in two banks, the transfers
 * and the balances near the storage cap.
 */
final class WorldSummary {

  private WorldSummary() {}

  static String json(
      SimulationOptions options,
      World world,
      Patterns patterns,
      List<BankGenerator.Output> outputs) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("seed", options.seed());
    root.put("period", options.period().toString());
    root.put(
        "generated_at", TimestampText.format(TimestampText.generatedAt(options.period()), true));
    List<Object> banks = new ArrayList<>();
    for (int b = 0; b < world.profiles.size(); b++) {
      BankProfile p = world.profiles.get(b);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bank_code", p.code());
      m.put("name", p.name());
      m.put("amount_basis", p.basis().name());
      m.put("coins_per_hour", p.coinsPerHour());
      m.put("encoding", p.encodingName());
      m.put("format", p.format());
      m.put("bom", p.bom() && !p.encodingName().equals("GB18030"));
      m.put("line_end", p.crlf() ? "CRLF" : "LF");
      m.put("timestamps_with_offset", p.offsetTimestamps());
      m.put("mapping_change", p.mappingV2From().map(Object::toString).orElse(null));
      m.put("packages", outputs.get(b).packages());
      m.put("records", outputs.get(b).records());
      m.put("holiday_services", outputs.get(b).holidayServices());
      banks.add(m);
    }
    root.put("banks", banks);
    List<Object> planted = new ArrayList<>();
    patterns.all.forEach(p -> planted.add(p.toJson()));
    root.put("patterns", planted);
    List<Object> cross = new ArrayList<>();
    List<Object> nearCap = new ArrayList<>();
    for (Person p : world.persons) {
      if (p.isCrossBank()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("participants", List.of(ref(world, p.bank1, p.ref1), ref(world, p.bank2, p.ref2)));
        m.put("provider", p.isProvider());
        cross.add(m);
      }
      if (p.nearCap) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("participant", ref(world, p.bank1, p.ref1));
        m.put("opening_minutes", world.books.get(p.bank1).opening[p.ref1 - 1]);
        nearCap.add(m);
      }
    }
    root.put("cross_bank_persons", cross);
    List<Object> transfers = new ArrayList<>();
    for (World.Transfer t : world.transfers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("out", ref(world, t.outBank(), t.outRef()));
      m.put("in", ref(world, t.inBank(), t.inRef()));
      m.put("minutes", t.minutes());
      m.put("out_at", TimestampText.format(t.outAt(), true));
      m.put("in_at", TimestampText.format(t.inAt(), true));
      transfers.add(m);
    }
    root.put("transfers", transfers);
    root.put("near_storage_cap", nearCap);
    return Json.pretty(root) + "\n";
  }

  private static String ref(World world, int bank, int ref) {
    return world.profiles.get(bank).code() + "/" + BankBook.ref(ref);
  }
}
