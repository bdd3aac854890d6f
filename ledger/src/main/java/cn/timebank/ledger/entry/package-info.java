/** The double-entry model, the hash chain and the only writer of {@code ledger_entries}. */
@NullMarked
package cn.timebank.ledger.entry;

import org.jspecify.annotations.NullMarked;
