/**
 * Dates of the schedule: due dates, lateness and the correction window of a reporting period (spec
 * §5, P011); the recording lag of W205 and the transfer match window of W207 (§4).
 */
package cn.timebank.standards.hours.schedule;
