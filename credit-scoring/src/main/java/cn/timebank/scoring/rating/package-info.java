/**
 * The bank compliance rating per bank and period: five criteria from the delivered packages and the
 * period's findings, weights and grades from the versioned rating rules ({@code
 * ratings/index.yaml}). {@link cn.timebank.scoring.rating.BankRatings} is the facade.
 */
@NullMarked
package cn.timebank.scoring.rating;

import org.jspecify.annotations.NullMarked;
