/**
 * JDBC helpers the stores of several modules share: PostgreSQL's {@code COPY … FROM STDIN} in text
 * format for many rows at once.
 */
@NullMarked
package cn.timebank.ledger.jdbc;

import org.jspecify.annotations.NullMarked;
