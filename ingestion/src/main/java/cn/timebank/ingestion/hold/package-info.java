/**
 * One writer at a time: while a package is applied, the live path holds the events that arrive and
 * judges them once it has taken the package in, so that a package and an event never change the
 * same records without seeing each other (ingestion README, "One writer at a time").
 *
 * <ul>
 *   <li>{@link cn.timebank.ingestion.hold.LiveHoldStore}: the two tables ({@code live_paths},
 *       {@code live_holds}) and every statement on them;
 *   <li>{@link cn.timebank.ingestion.hold.PackageHolds}: the batch's side, around a package's job;
 *   <li>{@link cn.timebank.ingestion.hold.LiveHolds}: what the live path's ledger task reads.
 * </ul>
 */
@NullMarked
package cn.timebank.ingestion.hold;

import org.jspecify.annotations.NullMarked;
