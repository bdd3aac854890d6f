/** {@code stream-replay}: a verified package's records published as events, in batch order. */
@NullMarked
package cn.timebank.ingestion.stream.replay;

import org.jspecify.annotations.NullMarked;
