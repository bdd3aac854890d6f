/**
 * Anomaly findings A301–A307: one detector per code, SQL where possible (A303/A304 as graph
 * detection over an edge list from SQL), thresholds from the versioned findings rules ({@code
 * findings/index.yaml}); the {@link cn.timebank.scoring.finding.Findings} facade runs and stores
 * them and answers queries.
 */
@NullMarked
package cn.timebank.scoring.finding;

import org.jspecify.annotations.NullMarked;
