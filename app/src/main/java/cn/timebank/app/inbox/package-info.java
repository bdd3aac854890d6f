/**
 * The drop folder {@code DATA_DIR/inbox/<bank_code>/}: packages copied there are ingested once they
 * stop changing, then moved to {@code done/} (with the receipt) or {@code failed/}.
 */
@NullMarked
package cn.timebank.app.inbox;

import org.jspecify.annotations.NullMarked;
