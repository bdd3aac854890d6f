/**
 * Rules over one provider's services across banks: the daily cap (spec §3.4, W201) and overlaps
 * (W204), in code-point order.
 */
package cn.timebank.standards.hours.provider;
