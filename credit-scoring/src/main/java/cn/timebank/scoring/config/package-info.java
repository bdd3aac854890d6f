/**
 * The beans of credit scoring, for an application that has a {@code DataSource} and Spring Batch.
 */
@NullMarked
package cn.timebank.scoring.config;

import org.jspecify.annotations.NullMarked;
