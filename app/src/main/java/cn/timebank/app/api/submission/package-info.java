/** {@code /api/v1/submissions}: uploads, receipts and their rejected lines as CSV. */
@NullMarked
package cn.timebank.app.api.submission;

import org.jspecify.annotations.NullMarked;
