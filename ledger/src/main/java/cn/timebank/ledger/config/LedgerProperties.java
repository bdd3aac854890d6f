package cn.timebank.ledger.config;

import cn.timebank.ledger.entry.WritePath;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ledger ({@code timebank.ledger.*}).
 *
 * @param writePath how entries are written: {@code AUTO} (COPY on PostgreSQL, JDBC batch
 *     elsewhere), {@code BATCH} or {@code COPY}
 * @param batchSize rows per JDBC batch on the batch path
 */
@ConfigurationProperties("timebank.ledger")
public record LedgerProperties(
    @DefaultValue("AUTO") WritePath writePath, @DefaultValue("1000") int batchSize) {}
