/**
 * Opens a delivered submission package (a ZIP file or a folder, spec §2) without extracting it,
 * verifies it against the package-level codes P001–P012 (spec §4) in a fixed order, and archives
 * the delivered bytes. See {@link cn.timebank.ingestion.verify.PackageVerifier} for the order and
 * the module README for the limits and the archive layout.
 */
package cn.timebank.ingestion.verify;
