/**
 * The canonical model the regulator keeps (banks, periods, participants, services, transactions)
 * and the readers that turn one raw record into it.
 */
package cn.timebank.standards.model;
