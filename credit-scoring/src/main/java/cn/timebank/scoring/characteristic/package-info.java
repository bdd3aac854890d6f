/**
 * The characteristics scorecards use: one class per characteristic, its SQL beside it, aggregated
 * in the database ({@code GROUP BY}) over the participants of one chunk. {@link
 * cn.timebank.scoring.characteristic.Characteristics} lists them and checks a scorecard against
 * them.
 */
@NullMarked
package cn.timebank.scoring.characteristic;

import org.jspecify.annotations.NullMarked;
