/** The application's side of ingestion: the stand-in used while no pipeline is wired. */
@NullMarked
package cn.timebank.app.ingest;

import org.jspecify.annotations.NullMarked;
