/** The bank registry tables (spec §1, §7): banks, their keys and dated category mappings. */
@NullMarked
package cn.timebank.ledger.registry;

import org.jspecify.annotations.NullMarked;
