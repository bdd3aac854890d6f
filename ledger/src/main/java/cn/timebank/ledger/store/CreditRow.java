package cn.timebank.ledger.store;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A daily-cap row ({@code credited_services}): a completed service of a provider (by person key)
 * with what it is credited now and its provider/pool split; {@code fundingKind} is the account
 * debited ({@code ISSUANCE}, {@code POOL} or {@code PARTICIPANT} with {@code fundingRef}).
 */
public record CreditRow(
    String bank,
    String serviceRef,
    String personKey,
    String providerRef,
    String fundingKind,
    @Nullable String fundingRef,
    LocalDateTime start,
    @Nullable LocalDateTime end,
    long weighted,
    long credited,
    long toProvider,
    long toPool,
    boolean reversed) {}
