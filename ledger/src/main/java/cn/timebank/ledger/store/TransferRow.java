package cn.timebank.ledger.store;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A transfer item ({@code transfer_items}): one side of a transfer between banks, open until {@code
 * matchedBank}/{@code matchedRef} name its other side, or reversed.
 *
 * @param direction {@code TRANSFER_OUT} or {@code TRANSFER_IN}
 */
public record TransferRow(
    String bank,
    String txnRef,
    String direction,
    String personKey,
    String counterpartyBank,
    long minutes,
    LocalDateTime occurredAt,
    @Nullable String matchedBank,
    @Nullable String matchedRef,
    boolean reversed) {}
