/**
 * Monitoring: the population stability index of each scorecard's scores between a period and the
 * one before, per bank and overall.
 */
@NullMarked
package cn.timebank.scoring.psi;

import org.jspecify.annotations.NullMarked;
