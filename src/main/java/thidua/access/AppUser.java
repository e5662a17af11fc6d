package thidua.access;

import java.io.Serializable;
import java.time.Instant;

/** A person who may sign in. {@code unitCode} is set exactly for {@link Role#UNIT}. */
public record AppUser(long id, String login, String fullName, Role role, String unitCode, boolean mustChangePassword,
                      int failedAttempts, Instant lockedUntil, Instant disabledAt, Instant createdAt,
                      Instant passwordChangedAt) implements Serializable {

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Disabled, locked at {@code now}, bound to change a password set by someone else, or active. */
    public AccountState state(Instant now) {
        return disabled() ? AccountState.DISABLED : lockedAt(now) ? AccountState.LOCKED
                : mustChangePassword ? AccountState.MUST_CHANGE_PASSWORD : AccountState.ACTIVE;
    }

    /** The unit this person may see and act for; null for headquarters' roles, who see every unit. */
    public String scopeUnit() {
        return role == Role.UNIT ? unitCode : null;
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** How the console greets them: the name, else the login. */
    public String displayName() {
        return fullName == null || fullName.isBlank() ? login : fullName;
    }
}
