/**
 * The audit trail's side in the application: who calls ({@link cn.timebank.app.audit.Caller}),
 * recording at each door ({@link cn.timebank.app.audit.Auditor}) and the {@code audit} command.
 */
@NullMarked
package cn.timebank.app.audit;

import org.jspecify.annotations.NullMarked;
