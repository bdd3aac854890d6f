/**
 * Who may provide and receive: ages, R111, R117, W206 and the certificate rule R116 (spec
 * §3.6-3.7).
 */
package cn.timebank.standards.hours.eligibility;
