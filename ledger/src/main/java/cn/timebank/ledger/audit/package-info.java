/**
 * The audit trail: who did what, when and from where (uploads, report downloads, registry, user and
 * token changes), append-only and hash-chained like the ledger.
 */
@NullMarked
package cn.timebank.ledger.audit;

import org.jspecify.annotations.NullMarked;
