/** The REST door: problems, advice and the OpenAPI description shared by its endpoints. */
@NullMarked
package cn.timebank.app.api;

import org.jspecify.annotations.NullMarked;
