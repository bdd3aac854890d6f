/** Recomputes a bank's hash chain and names the first entry that does not match. */
@NullMarked
package cn.timebank.ledger.verify;

import org.jspecify.annotations.NullMarked;
