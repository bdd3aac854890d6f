/**
 * The bank registry of spec §1 and §7: banks, their Ed25519 keys and dated category mappings, read
 * from the registry file and merged on re-import.
 */
package cn.timebank.standards.registry;
