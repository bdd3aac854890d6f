package cn.timebank.ledger.registry;

import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.RegistryMerge;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the banks of a registry file (spec §7) in one transaction: a new bank is stored as given;
 * a bank imported again is merged with its stored entry, so that keys and category mappings keep
 * their dated history while status, name and amount basis take the new values (they apply to
 * packages received after the import).
 */
public final class RegistryImport {

  private final RegistryStore store;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public RegistryImport(RegistryStore store, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * What happened to one bank of the file: its entry as stored now, whether it was new, and what
   * the import changed (one short line each, for the audit trail).
   */
  public record ImportedBank(BankRegistryEntry entry, boolean isNew, List<String> changes) {

    /** Whether the bank was registered before and this import changed nothing of its entry. */
    public boolean unchanged() {
      return !isNew && changes.equals(List.of(RegistryChanges.NOTHING_CHANGED));
    }
  }

  public List<ImportedBank> importBanks(List<BankRegistryEntry> banks) {
    return transactions.execute(
        status -> {
          List<ImportedBank> result = new ArrayList<>();
          for (BankRegistryEntry imported : banks) {
            Optional<BankRegistryEntry> current = store.find(imported.bankCode());
            BankRegistryEntry merged =
                current.map(c -> RegistryMerge.merge(c, imported)).orElse(imported);
            store.save(merged, clock.instant());
            result.add(
                new ImportedBank(merged, current.isEmpty(), RegistryChanges.of(current, merged)));
          }
          return result;
        });
  }
}
