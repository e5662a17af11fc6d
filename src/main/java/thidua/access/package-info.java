/** Users, roles, sign-in and the append-only audit log. */
package thidua.access;
