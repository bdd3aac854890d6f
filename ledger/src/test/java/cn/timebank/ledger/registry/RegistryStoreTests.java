package cn.timebank.ledger.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.ledger.support.H2Database;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.math.BigDecimal;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class RegistryStoreTests {

  private final H2Database database = new H2Database();
  private RegistryStore store;
  private RegistryImport registryImport;

  @BeforeEach
  void migrate() {
    LedgerSchema.migrate(database.dataSource());
    store = new RegistryStore(JdbcClient.create(database.dataSource()));
    registryImport =
        new RegistryImport(
            store,
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
            Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void storesAndReadsBackABankWithItsKeysAndDatedMappings() throws Exception {
    BankRegistryEntry bank =
        coinsBank(
            "长沙市芙蓉区时间银行",
            List.of(key("k2024", LocalDate.of(2024, 1, 1))),
            List.of(
                new CategoryMapping(LocalDate.of(2024, 1, 1), Map.of("SHZL", "LIVING_ASSIST")),
                new CategoryMapping(
                    LocalDate.of(2026, 9, 16),
                    Map.of("SHZL", "LIVING_ASSIST", "PZ", "MEDICAL_ESCORT"))));

    registryImport.importBanks(List.of(bank));

    BankRegistryEntry read = store.find(bank.bankCode()).orElseThrow();
    assertThat(read.name()).isEqualTo("长沙市芙蓉区时间银行");
    assertThat(read.coinsPerHour()).contains(new BigDecimal("6.5000"));
    assertThat(read.keys()).extracting(BankKey::keyId).containsExactly("k2024");
    assertThat(read.unifiedCategory("PZ", LocalDate.of(2026, 9, 15))).isEmpty();
    assertThat(read.unifiedCategory("PZ", LocalDate.of(2026, 9, 16))).contains("MEDICAL_ESCORT");
  }

  @Test
  void importingABankAgainKeepsTheKeyHistoryAndTakesTheNewStatus() throws Exception {
    BankKey old = key("k2024", LocalDate.of(2024, 1, 1));
    BankKey next = key("k2026", LocalDate.of(2026, 1, 1));
    registryImport.importBanks(List.of(coinsBank("旧名", List.of(old), mappings())));

    List<RegistryImport.ImportedBank> second =
        registryImport.importBanks(
            List.of(
                new BankRegistryEntry(
                    new BankCode("430102-001"),
                    "新名",
                    "430102",
                    BankStatus.SUSPENDED,
                    LocalDate.of(2024, 1, 1),
                    AmountBasis.COINS,
                    Optional.of(new BigDecimal("6.5")),
                    List.of(next),
                    mappings())));

    assertThat(second).singleElement().satisfies(b -> assertThat(b.isNew()).isFalse());
    assertThat(second.get(0).changes())
        .as("what changed, for the audit trail")
        .containsExactly(
            "name 旧名 → 新名",
            "status ACTIVE → SUSPENDED",
            "key k2026 (valid 2026-01-01 – open) added");
    BankRegistryEntry read = store.find(new BankCode("430102-001")).orElseThrow();
    assertThat(read.name()).isEqualTo("新名");
    assertThat(read.status()).isEqualTo(BankStatus.SUSPENDED);
    assertThat(read.keys()).extracting(BankKey::keyId).containsExactly("k2024", "k2026");
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void importingABankAgainKeepsWhatRefersToItsRow() throws Exception {
    BankKey key = key("k2024", LocalDate.of(2024, 1, 1));
    registryImport.importBanks(List.of(coinsBank("旧名", List.of(key), mappings())));
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    jdbc.sql(
            "insert into chain_heads (bank_code, last_seq, last_hash, updated_at)"
                + " values ('430102-001', 0, ?, current_timestamp)")
        .param("0".repeat(64))
        .update();

    registryImport.importBanks(List.of(coinsBank("新名", List.of(key), mappings())));

    assertThat(store.find(new BankCode("430102-001")).orElseThrow().name()).isEqualTo("新名");
    assertThat(jdbc.sql("select count(*) from chain_heads").query(Long.class).single()).isOne();
  }

  private static List<CategoryMapping> mappings() {
    return List.of(new CategoryMapping(LocalDate.of(2024, 1, 1), Map.of("SHZL", "LIVING_ASSIST")));
  }

  private static BankRegistryEntry coinsBank(
      String name, List<BankKey> keys, List<CategoryMapping> mappings) {
    return new BankRegistryEntry(
        new BankCode("430102-001"),
        name,
        "430102",
        BankStatus.ACTIVE,
        LocalDate.of(2024, 1, 1),
        AmountBasis.COINS,
        Optional.of(new BigDecimal("6.5")),
        keys,
        mappings);
  }

  private static BankKey key(String id, LocalDate from) throws Exception {
    PublicKey publicKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    return new BankKey(id, publicKey, from, Optional.empty());
  }
}
