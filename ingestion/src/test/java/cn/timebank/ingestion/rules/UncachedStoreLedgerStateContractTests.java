package cn.timebank.ingestion.rules;

/**
 * The contracts of {@link StoreLedgerStateContractTests} on the stores without value caches: every
 * read goes to its store and through the store's serde.
 */
class UncachedStoreLedgerStateContractTests extends StoreLedgerStateContractTests {

  @Override
  int cachedValues() {
    return 0;
  }
}
