/** {@code ./timebank serve}: the web application's command. */
@NullMarked
package cn.timebank.app.serve;

import org.jspecify.annotations.NullMarked;
