/** Spring wiring of the ledger for the application. */
@NullMarked
package cn.timebank.ledger.config;

import org.jspecify.annotations.NullMarked;
