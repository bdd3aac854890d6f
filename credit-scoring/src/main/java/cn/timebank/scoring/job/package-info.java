/**
 * The Spring Batch job {@code score}: findings, provider and recipient scores (chunk steps over
 * participants), bank ratings and PSI for one period; rerunnable.
 */
@NullMarked
package cn.timebank.scoring.job;

import org.jspecify.annotations.NullMarked;
