package dev.livecheck.persistence.users;

/** What a portal user may do within its business. */
public enum Role {
    /** Everything, including users and the business itself. */
    OWNER,
    /** Profiles, sessions, users except owners. */
    ADMIN,
    /** Reads reports and records final decisions. */
    REVIEWER
}
