/**
 * Scorecards as versioned data ({@code scorecards/index.yaml} and the files it lists): the model,
 * its strict loader, scoring with PMML 4.4 reason codes, and the log-odds scaling helper.
 */
@NullMarked
package cn.timebank.scoring.scorecard;

import org.jspecify.annotations.NullMarked;
