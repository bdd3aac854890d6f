/** The reporting beans and settings, for an application that has a DataSource. */
@NullMarked
package cn.timebank.reporting.config;

import org.jspecify.annotations.NullMarked;
