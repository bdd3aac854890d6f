/**
 * The characteristics scorecards use: one class per characteristic, its SQL expressions beside it,
 * aggregated in the database ({@code GROUP BY}) together with the other characteristics of the same
 * source — for refs of a bank, or a scorecard's whole population in one statement. {@link
 * cn.timebank.scoring.characteristic.Characteristics} lists them and checks a scorecard against
 * them.
 */
@NullMarked
package cn.timebank.scoring.characteristic;

import org.jspecify.annotations.NullMarked;
