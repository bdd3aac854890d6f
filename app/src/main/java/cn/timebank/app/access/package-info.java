/**
 * Who may see what: the roles, the local users and personal access tokens, JWT from an issuer, the
 * scope of each caller (its banks, its region) and the web security around the REST API (README,
 * Access and security).
 */
@NullMarked
package cn.timebank.app.access;

import org.jspecify.annotations.NullMarked;
