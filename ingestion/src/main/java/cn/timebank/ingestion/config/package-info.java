/** Spring wiring of ingestion for the application: the state, the job and the submissions. */
@NullMarked
package cn.timebank.ingestion.config;

import org.jspecify.annotations.NullMarked;
