package cn.timebank.app.registry;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.audit.Caller;
import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.registry.RegistryImport.ImportedBank;
import cn.timebank.standards.data.DataFileException;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.RegistryFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank registry import FILE}: registers the banks of a registry file (spec §7). The
 * file is checked whole before anything is stored; an error names the bank and the field. Each bank
 * imported is a {@code REGISTRY_IMPORT} (new) or {@code REGISTRY_CHANGE} (what changed) in the
 * audit trail.
 */
@Component
class RegistryCommand implements Command {

  private final RegistryImport registryImport;
  private final StandardVersions versions;
  private final Auditor auditor;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  RegistryCommand(RegistryImport registryImport, StandardVersions versions, Auditor auditor) {
    this.registryImport = registryImport;
    this.versions = versions;
    this.auditor = auditor;
  }

  @Override
  public String name() {
    return "registry";
  }

  @Override
  public String summary() {
    return "import the bank registry (spec §7): registry import FILE";
  }

  @Override
  public String usage() {
    return "import FILE";
  }

  @Override
  public int maxArguments() {
    return 2;
  }

  @Override
  public List<Option> options() {
    return List.of();
  }

  @Override
  public int run(CommandLine line) {
    if (!line.argument(0, "the action (import)").equals("import")) {
      throw new UsageException("unknown action '" + line.positional().get(0) + "'");
    }
    Path file = Path.of(line.argument(1, "the registry FILE"));
    List<BankRegistryEntry> banks;
    try {
      banks = RegistryFile.read(file, knownCategories());
    } catch (DataFileException e) {
      err.println("timebank registry: the file was not imported: " + e.getMessage());
      return 1;
    }
    for (ImportedBank bank : registryImport.importBanks(banks)) {
      BankRegistryEntry entry = bank.entry();
      auditor.record(
          Caller.commandLine(),
          bank.isNew() ? AuditAction.REGISTRY_IMPORT : AuditAction.REGISTRY_CHANGE,
          entry.bankCode().value(),
          entry.bankCode().value(),
          "file " + file.getFileName() + ": " + String.join("; ", bank.changes()));
      out.printf(
          "%s %s  %s  %s  %s  keys %s%n",
          bank.isNew() ? "registered" : bank.unchanged() ? "unchanged " : "updated   ",
          entry.bankCode().value(),
          entry.name(),
          entry.status(),
          entry.amountBasis(),
          entry.keys().stream().map(k -> k.keyId()).collect(Collectors.joining(",")));
    }
    return 0;
  }

  private Set<String> knownCategories() {
    return versions.all().stream()
        .flatMap(v -> v.catalogue().stream())
        .map(Category::code)
        .collect(Collectors.toSet());
  }
}
