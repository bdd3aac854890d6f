package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.RegistryFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code registry.json} as an outsider reads it: with {@code standards}' strict parser of spec §7,
 * every mapped unified code checked against the catalogue in force in the simulated period.
 */
final class Registered {

  private Registered() {}

  /** The banks of {@code out/registry.json} by bank code, in file order. */
  static Map<String, BankRegistryEntry> banks(Path out) {
    Set<String> catalogue =
        StandardVersions.builtIn().inForceOn(SimulatedWorlds.PERIOD.atDay(1)).catalogue().stream()
            .map(Category::code)
            .collect(Collectors.toSet());
    Map<String, BankRegistryEntry> banks = new LinkedHashMap<>();
    for (BankRegistryEntry bank : RegistryFile.read(out.resolve("registry.json"), catalogue)) {
      banks.put(bank.bankCode().value(), bank);
    }
    return banks;
  }
}
