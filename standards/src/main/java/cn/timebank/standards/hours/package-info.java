/** The unified hour standard TBHS as versioned data and its one-service calculator (spec §3). */
package cn.timebank.standards.hours;
