/** The live path from the command line: the embedded broker, {@code stream-replay}. */
@NullMarked
package cn.timebank.app.stream;

import org.jspecify.annotations.NullMarked;
