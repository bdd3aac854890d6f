package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.util.Optional;

/**
 * The bank registry as verification sees it (spec §7): the entry of a bank, whatever its status.
 */
@FunctionalInterface
public interface Registry {

  Optional<BankRegistryEntry> find(BankCode bankCode);
}
