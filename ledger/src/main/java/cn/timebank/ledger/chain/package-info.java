/** The hashing that the platform's hash chains (ledger, audit trail) share. */
@NullMarked
package cn.timebank.ledger.chain;

import org.jspecify.annotations.NullMarked;
