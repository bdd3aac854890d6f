/**
 * GB/T 2260 administrative divisions: provinces, cities and districts with their codes and names.
 */
package cn.timebank.standards.region;
