/**
 * The credit-scoring commands: {@code score}, {@code explain}, {@code findings}, {@code ratings}.
 */
package cn.timebank.app.scoring;
