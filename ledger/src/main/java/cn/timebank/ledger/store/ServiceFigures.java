package cn.timebank.ledger.store;

import org.jspecify.annotations.Nullable;

/**
 * What the platform computed for a service when it was accepted: the provider's person key, the
 * unified category and the standard's figures (empty where they do not apply: a service that moves
 * no hours may have none), and the minutes credited after the daily cap at that moment.
 */
public record ServiceFigures(
    @Nullable String providerKey,
    @Nullable String unifiedCategory,
    @Nullable String standardVersion,
    @Nullable String timeBand,
    @Nullable Long actualMinutes,
    @Nullable Long billableMinutes,
    @Nullable Long weightedMinutes,
    @Nullable Long creditedMinutes) {}
