/** The storage cap of a participant's balance at one bank (spec §3.5, W203). */
package cn.timebank.standards.hours.storage;
