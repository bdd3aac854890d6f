/**
 * The way in for a delivered package ({@link cn.timebank.ingestion.submission.PackageSubmissions},
 * the {@link cn.timebank.ingestion.Submissions} of the platform): re-delivery, archive,
 * verification against the database's registry and history, rejection receipts, and the batch job
 * for verified packages.
 */
@NullMarked
package cn.timebank.ingestion.submission;

import org.jspecify.annotations.NullMarked;
