package thidua.console;

import thidua.access.Role;

/**
 * What a role may do, for showing only the menu entries and buttons it may use. The
 * server enforces the same table (SecurityConfig, OPERATIONS.md); this only hides.
 */
record Can(boolean imports, boolean upload, boolean rerun, boolean runs, boolean outputs, boolean consolidate,
           boolean users, boolean audit) {

    static Can of(Role role) {
        if (role == null) {
            return new Can(false, false, false, false, false, false, false, false);
        }
        boolean admin = role == Role.ADMIN;
        boolean hq = admin || role == Role.HQ;
        boolean sender = hq || role == Role.UNIT;
        return new Can(sender, sender, hq, hq, hq || role == Role.LEADER, hq, admin, admin);
    }
}
