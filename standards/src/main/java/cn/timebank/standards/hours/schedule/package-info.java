/** Due dates, lateness and the correction window of a reporting period (spec §5, P011). */
package cn.timebank.standards.hours.schedule;
