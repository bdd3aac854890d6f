/** Schema migrations (Flyway locations per database) and the H2 append-only trigger. */
@NullMarked
package cn.timebank.ledger.schema;

import org.jspecify.annotations.NullMarked;
