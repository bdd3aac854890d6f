package cn.timebank.ledger.registry;

import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes the registry tables. Saving a bank replaces its row and its keys and mappings
 * with the entry given; {@link RegistryImport} merges an imported file with what is stored first,
 * so that keys and mappings keep their dated history (spec §7).
 */
public final class RegistryStore {

  private final JdbcClient jdbc;

  public RegistryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<BankRegistryEntry> find(BankCode code) {
    return jdbc.sql("select * from banks where bank_code = ?")
        .param(code.value())
        .query(
            (rs, n) ->
                new BankRow(
                    rs.getString("bank_code"),
                    rs.getString("name"),
                    rs.getString("region_code"),
                    rs.getString("status"),
                    rs.getDate("registered_since").toLocalDate(),
                    rs.getString("amount_basis"),
                    Optional.ofNullable(rs.getBigDecimal("coins_per_hour"))))
        .optional()
        .map(this::withKeysAndMappings);
  }

  public List<BankRegistryEntry> all() {
    List<String> codes =
        jdbc.sql("select bank_code from banks order by bank_code").query(String.class).list();
    return codes.stream().map(c -> find(new BankCode(c)).orElseThrow()).toList();
  }

  /** Replaces the bank's stored entry (call inside a transaction). */
  public void save(BankRegistryEntry entry, Instant importedAt) {
    String code = entry.bankCode().value();
    jdbc.sql("delete from category_mappings where bank_code = ?").param(code).update();
    jdbc.sql("delete from bank_keys where bank_code = ?").param(code).update();
    // The bank's row is updated in place: participants, packages and the ledger refer to it.
    int updated =
        jdbc.sql(
                "update banks set name = ?, region_code = ?, status = ?, registered_since = ?,"
                    + " amount_basis = ?, coins_per_hour = ?, imported_at = ? where bank_code = ?")
            .params(
                entry.name(),
                entry.regionCode(),
                entry.status().name(),
                Date.valueOf(entry.registeredSince()),
                entry.amountBasis().name(),
                entry.coinsPerHour().orElse(null),
                Timestamp.from(importedAt),
                code)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into banks (bank_code, name, region_code, status, registered_since,"
                  + " amount_basis, coins_per_hour, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              code,
              entry.name(),
              entry.regionCode(),
              entry.status().name(),
              Date.valueOf(entry.registeredSince()),
              entry.amountBasis().name(),
              entry.coinsPerHour().orElse(null),
              Timestamp.from(importedAt))
          .update();
    }
    for (BankKey key : entry.keys()) {
      jdbc.sql(
              "insert into bank_keys (bank_code, key_id, public_key, valid_from, valid_to)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              code,
              key.keyId(),
              key.base64(),
              Date.valueOf(key.validFrom()),
              key.validTo().map(Date::valueOf).orElse(null))
          .update();
    }
    for (CategoryMapping mapping : entry.categoryMappings()) {
      for (Map.Entry<String, String> code2 : mapping.codes().entrySet()) {
        jdbc.sql(
                "insert into category_mappings (bank_code, valid_from, local_code, unified_code)"
                    + " values (?, ?, ?, ?)")
            .params(code, Date.valueOf(mapping.validFrom()), code2.getKey(), code2.getValue())
            .update();
      }
    }
  }

  private BankRegistryEntry withKeysAndMappings(BankRow row) {
    List<BankKey> keys =
        jdbc.sql(
                "select key_id, public_key, valid_from, valid_to from bank_keys"
                    + " where bank_code = ? order by valid_from, key_id")
            .param(row.code())
            .query(
                (rs, n) ->
                    BankKey.of(
                        rs.getString("key_id"),
                        rs.getString("public_key"),
                        rs.getDate("valid_from").toLocalDate(),
                        Optional.ofNullable(rs.getDate("valid_to")).map(Date::toLocalDate)))
            .list();
    Map<LocalDate, Map<String, String>> mappings = new LinkedHashMap<>();
    jdbc.sql(
            "select valid_from, local_code, unified_code from category_mappings"
                + " where bank_code = ? order by valid_from, local_code")
        .param(row.code())
        .query(
            rs -> {
              mappings
                  .computeIfAbsent(
                      rs.getDate("valid_from").toLocalDate(), d -> new LinkedHashMap<>())
                  .put(rs.getString("local_code"), rs.getString("unified_code"));
            });
    List<CategoryMapping> categoryMappings = new ArrayList<>();
    mappings.forEach((from, codes) -> categoryMappings.add(new CategoryMapping(from, codes)));
    return new BankRegistryEntry(
        new BankCode(row.code()),
        row.name(),
        row.regionCode(),
        BankStatus.valueOf(row.status()),
        row.registeredSince(),
        AmountBasis.valueOf(row.amountBasis()),
        row.coinsPerHour(),
        keys,
        categoryMappings);
  }

  private record BankRow(
      String code,
      String name,
      String regionCode,
      String status,
      LocalDate registeredSince,
      String amountBasis,
      Optional<java.math.BigDecimal> coinsPerHour) {}
}
